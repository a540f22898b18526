package tui

import (
	"reflect"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"onboard/schema"
)

// formHelpFR translates the help of huh's default bindings; huh only
// ships English.
var formHelpFR = map[string]string{
	"back": "précédent", "next": "suivant", "submit": "envoyer", "complete": "compléter",
	"select": "choisir", "confirm": "valider", "toggle": "cocher", "up": "haut", "down": "bas",
	"filter": "filtrer", "set filter": "appliquer le filtre", "clear filter": "effacer le filtre",
	"½ page up": "½ page haut", "½ page down": "½ page bas", "go to start": "début", "go to end": "fin",
	"select all": "tout cocher", "select none": "tout décocher", "Yes": "Oui", "No": "Non",
	"new line": "nouvelle ligne", "open editor": "ouvrir l'éditeur", "open": "ouvrir", "close": "fermer",
	"first": "premier", "last": "dernier", "page up": "page préc.", "page down": "page suiv.",
	"left": "gauche", "right": "droite",
}

// formKeyMap is huh's default key map with help in lang.
func formKeyMap(lang Lang) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	answerKeys(km, lang)
	if lang != "fr" {
		return km
	}
	translateBindings(reflect.ValueOf(km).Elem())
	// A yes/no is switched, not ticked: "cocher" is the multi-select's
	// toggle (x), and a confirmation read "←/→ cocher".
	km.Confirm.Toggle.SetHelp(km.Confirm.Toggle.Help().Key, txtSwitchAnswer.In(lang))
	return km
}

var txtSwitchAnswer = schema.T("toggle")

// The letters that answer a yes/no, from the catalogs: y/n in English, o/n
// in French (oui/non), j/n in German, s/n in Spanish and Italian. A
// language whose catalog gives no letter (Japanese) answers by moving
// the selection (←/→, tab) and enter.
var (
	txtKeyYes = schema.TC("key", "y")
	txtKeyNo  = schema.TC("key", "n")
)

// answerKeys binds a confirmation's accept and reject keys to lang's
// letters, upper case too.
func answerKeys(km *huh.KeyMap, lang Lang) {
	bind := func(b *key.Binding, letter string) {
		if letter == "" {
			b.SetEnabled(false)
			return
		}
		desc := b.Help().Desc
		*b = key.NewBinding(key.WithKeys(letter, strings.ToUpper(letter)), key.WithHelp(letter, desc))
	}
	bind(&km.Confirm.Accept, txtKeyYes.In(lang))
	bind(&km.Confirm.Reject, txtKeyNo.In(lang))
}

// translateBindings walks the key map's nested structs and rewrites the
// help of every binding it finds.
func translateBindings(v reflect.Value) {
	bindingType := reflect.TypeOf(key.Binding{})
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Type() == bindingType && f.CanAddr():
			b := f.Addr().Interface().(*key.Binding)
			if fr, ok := formHelpFR[b.Help().Desc]; ok {
				b.SetHelp(b.Help().Key, fr)
			}
		case f.Kind() == reflect.Struct:
			translateBindings(f)
		}
	}
}
