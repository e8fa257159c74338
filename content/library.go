package content

// Origin says where an installed pack was found.
type Origin int

// Origins, lowest precedence first.
const (
	OriginNone    Origin = iota // opened from a path, not installed
	OriginBuiltin               // embedded in the app
	OriginSystem                // a read-only system-wide folder that staff fill
	OriginLearner               // the learner's own data folder
)

func (o Origin) String() string {
	switch o {
	case OriginBuiltin:
		return "built-in"
	case OriginSystem:
		return "system"
	case OriginLearner:
		return "learner"
	}
	return "file"
}
