package pycompat

// insertAround wraps the text between two offsets: open goes before, and
// close after, any other insertion at the same offset (the rewrites of the
// expression inside, such as _chain(...), stay inside the wrapper).
func (p *pass1) insertAround(openOff int, open string, closeOff int, close string) {
	n := len(p.edits)
	p.edits = append(p.edits, edit{openOff, openOff, open, -1 - n}, edit{closeOff, closeOff, close, 1<<30 + n})
}
