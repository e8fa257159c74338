package render

// settle lets the view leave interaction (nothing to wait for before interaction frames exist).
func settle(v *View) {}
