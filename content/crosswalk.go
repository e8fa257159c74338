package content

import "strings"

// Placement is where a structure sits in the body: its body system and its region.
type Placement struct {
	System string // skeletal, cardiovascular, urinary, digestive, ... (lower case)
	Region string // thorax, abdomen, pelvis, lower_limb/knee, ...
}

// organPlacements is the crosswalk from an organ (as anatomical_structure_of or a file names it,
// in lower case) to its system and region, written from standard anatomy. The pancreas is placed
// with the digestive system (its larger, exocrine part); the spleen and thymus with the
// lymphatic system; the knee's bones, menisci and cartilage with the skeletal system.
var organPlacements = map[string]Placement{
	"heart":                     {"cardiovascular", "thorax"},
	"aorta":                     {"cardiovascular", "thorax"},
	"blood vasculature":         {"cardiovascular", ""},
	"kidney":                    {"urinary", "abdomen"},
	"ureter":                    {"urinary", "abdomen"},
	"urinary bladder":           {"urinary", "pelvis"},
	"urethra":                   {"urinary", "pelvis"},
	"liver":                     {"digestive", "abdomen"},
	"pancreas":                  {"digestive", "abdomen"},
	"small intestine":           {"digestive", "abdomen"},
	"large intestine":           {"digestive", "abdomen"},
	"colon":                     {"digestive", "abdomen"},
	"stomach":                   {"digestive", "abdomen"},
	"esophagus":                 {"digestive", "thorax"},
	"spleen":                    {"lymphatic", "abdomen"},
	"thymus":                    {"lymphatic", "thorax"},
	"lymph node":                {"lymphatic", ""},
	"tonsil":                    {"lymphatic", "head_neck"},
	"ovary":                     {"reproductive", "pelvis"},
	"fallopian tube":            {"reproductive", "pelvis"},
	"uterine tube":              {"reproductive", "pelvis"},
	"uterus":                    {"reproductive", "pelvis"},
	"placenta":                  {"reproductive", "pelvis"},
	"prostate":                  {"reproductive", "pelvis"},
	"prostate gland":            {"reproductive", "pelvis"},
	"testis":                    {"reproductive", "pelvis"},
	"pelvis":                    {"skeletal", "pelvis"},
	"knee":                      {"skeletal", "lower_limb/knee"},
	"bone marrow":               {"skeletal", ""},
	"lung":                      {"respiratory", "thorax"},
	"trachea":                   {"respiratory", "thorax"},
	"larynx":                    {"respiratory", "head_neck"},
	"main bronchus":             {"respiratory", "thorax"},
	"nose":                      {"respiratory", "head_neck"},
	"brain":                     {"nervous", "head_neck"},
	"spinal cord":               {"nervous", "back"},
	"peripheral nervous system": {"nervous", ""},
	"eye":                       {"nervous", "head_neck"},
	"skin":                      {"integumentary", ""},
	"mammary gland":             {"integumentary", "thorax"},
	"breast":                    {"integumentary", "thorax"},
}

// organAliases are other names sources give an organ.
var organAliases = map[string]string{
	"intestine large": "large intestine", "intestine small": "small intestine", "bladder": "urinary bladder",
	"oviduct": "fallopian tube", "kidneys": "kidney", "lungs": "lung", "ovaries": "ovary",
	"renal pelvis ureter": "ureter", "prostate glands": "prostate", "knee joint": "knee",
}

// ontologyPlacements place common ontology ids of whole organs and tissues whatever file they
// come in: a structure's own id wins over its organ's (bone tissue in a knee file is skeletal).
var ontologyPlacements = map[string]Placement{
	"UBERON:0000948": {"cardiovascular", "thorax"},    // heart
	"UBERON:0002113": {"urinary", "abdomen"},          // kidney
	"UBERON:0000056": {"urinary", "abdomen"},          // ureter
	"UBERON:0001255": {"urinary", "pelvis"},           // urinary bladder
	"UBERON:0002107": {"digestive", "abdomen"},        // liver
	"UBERON:0001264": {"digestive", "abdomen"},        // pancreas
	"UBERON:0002106": {"lymphatic", "abdomen"},        // spleen
	"UBERON:0002370": {"lymphatic", "thorax"},         // thymus
	"UBERON:0000992": {"reproductive", "pelvis"},      // ovary
	"UBERON:0000995": {"reproductive", "pelvis"},      // uterus
	"UBERON:0002048": {"respiratory", "thorax"},       // lung
	"UBERON:0000955": {"nervous", "head_neck"},        // brain
	"UBERON:0002240": {"nervous", "back"},             // spinal cord
	"UBERON:0001439": {"skeletal", ""},                // compact bone tissue
	"UBERON:0002483": {"skeletal", ""},                // trabecular bone tissue
	"UBERON:0001474": {"skeletal", ""},                // bone element
	"UBERON:0001995": {"skeletal", ""},                // fibrocartilage
	"FMA:24474":      {"skeletal", "lower_limb"},      // right femur
	"FMA:24475":      {"skeletal", "lower_limb"},      // left femur
	"FMA:24477":      {"skeletal", "lower_limb"},      // right tibia
	"FMA:24478":      {"skeletal", "lower_limb"},      // left tibia
	"FMA:24480":      {"skeletal", "lower_limb"},      // right fibula
	"FMA:24481":      {"skeletal", "lower_limb"},      // left fibula
	"FMA:24486":      {"skeletal", "lower_limb/knee"}, // right patella
	"FMA:24487":      {"skeletal", "lower_limb/knee"}, // left patella
}

// OrganKey is the crosswalk's spelling of an organ name ("Kidney", "intestine large" ->
// "kidney", "large intestine"), or "" when the crosswalk does not know it.
func OrganKey(organ string) string {
	o := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(organ, "_", " "))), " ")
	if a, ok := organAliases[o]; ok {
		o = a
	}
	if _, ok := organPlacements[o]; ok {
		return o
	}
	if s, ok := strings.CutSuffix(o, "s"); ok {
		if _, ok := organPlacements[s]; ok {
			return s
		}
	}
	return ""
}

// PlaceStructure gives the system and region of a structure from its standard id, else from its
// organ; the zero Placement when neither is known. A region the id does not give comes from the
// organ.
func PlaceStructure(ontologyID, organ string) Placement {
	byOrgan := organPlacements[OrganKey(organ)]
	p, ok := ontologyPlacements[ontologyID]
	if !ok {
		return byOrgan
	}
	if p.Region == "" {
		p.Region = byOrgan.Region
	}
	return p
}
