package tui

import (
	"reflect"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"onboard/schema"
)

// formHelp translates the help of huh's default bindings (huh only
// ships English); the catalogs hold them under the context "huh".
var formHelp = map[string]schema.Text{
	"back":         schema.TC("huh", "back"),
	"next":         schema.TC("huh", "next"),
	"submit":       schema.TC("huh", "submit"),
	"complete":     schema.TC("huh", "complete"),
	"select":       schema.TC("huh", "select"),
	"confirm":      schema.TC("huh", "confirm"),
	"toggle":       schema.TC("huh", "toggle"),
	"up":           schema.TC("huh", "up"),
	"down":         schema.TC("huh", "down"),
	"filter":       schema.TC("huh", "filter"),
	"set filter":   schema.TC("huh", "set filter"),
	"clear filter": schema.TC("huh", "clear filter"),
	"½ page up":    schema.TC("huh", "½ page up"),
	"½ page down":  schema.TC("huh", "½ page down"),
	"go to start":  schema.TC("huh", "go to start"),
	"go to end":    schema.TC("huh", "go to end"),
	"select all":   schema.TC("huh", "select all"),
	"select none":  schema.TC("huh", "select none"),
	"Yes":          schema.TC("huh", "Yes"),
	"No":           schema.TC("huh", "No"),
	"new line":     schema.TC("huh", "new line"),
	"open editor":  schema.TC("huh", "open editor"),
	"open":         schema.TC("huh", "open"),
	"close":        schema.TC("huh", "close"),
	"first":        schema.TC("huh", "first"),
	"last":         schema.TC("huh", "last"),
	"page up":      schema.TC("huh", "page up"),
	"page down":    schema.TC("huh", "page down"),
	"left":         schema.TC("huh", "left"),
	"right":        schema.TC("huh", "right"),
}

// formKeyMap is huh's default key map with help in lang.
func formKeyMap(lang Lang) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	answerKeys(km, lang)
	if lang == schema.English {
		return km
	}
	translateBindings(reflect.ValueOf(km).Elem(), lang)
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

// formBinds is the form's bindings as its footer shows them. huh's
// confirmation names its answer keys "y" and "n" in its help whatever keys
// they are bound to (it sets them when it draws): a help key that is none
// of its binding's keys (y or n) is replaced by the binding's first key, so the
// footer says "j Ich akzeptiere" where j answers yes.
func formBinds(f *huh.Form) []key.Binding {
	binds := f.KeyBinds()
	for i, b := range binds {
		keys, h := b.Keys(), b.Help().Key
		if (h == "y" || h == "n") && len(keys) > 0 && !slices.Contains(keys, h) {
			binds[i].SetHelp(keys[0], b.Help().Desc)
		}
	}
	return binds
}

// translateBindings walks the key map's nested structs and rewrites the
// help of every binding it finds in lang.
func translateBindings(v reflect.Value, lang Lang) {
	bindingType := reflect.TypeOf(key.Binding{})
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Type() == bindingType && f.CanAddr():
			b := f.Addr().Interface().(*key.Binding)
			if tx, ok := formHelp[b.Help().Desc]; ok {
				b.SetHelp(b.Help().Key, tx.In(lang))
			}
		case f.Kind() == reflect.Struct:
			translateBindings(f, lang)
		}
	}
}
