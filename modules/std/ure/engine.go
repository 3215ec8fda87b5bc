package ure

import (
	"errors"
	"regexp"
	"strconv"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// matcher finds the first match in s[:end] at or after RE2 offset pos;
// the result holds absolute offsets, two per group, -1 for a group that
// did not take part.
type matcher interface {
	find(sb *subject, pos, end int) ([]int, error)
}

// re2Matcher runs Go's regexp (RE2): linear time, no lookaround. It sees
// only s[pos:end], so ^ and \b at pos do not know the text before it.
type re2Matcher struct{ re *regexp.Regexp }

func (m re2Matcher) find(sb *subject, pos, end int) ([]int, error) {
	loc := m.re.FindStringSubmatchIndex(sb.s[pos:end])
	if loc != nil && pos > 0 {
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += pos
			}
		}
	}
	return loc, nil
}

// backtracker runs regexp2, a backtracking engine, for the patterns RE2
// refuses (lookaround, backreferences, atomic and conditional groups).
type backtracker struct{ re *regexp2.Regexp }

// matchTimeout stops a runaway backtracking match instead of holding the
// interpreter for ever.
const matchTimeout = 60 * time.Second

func compileBacktracking(expr string) (backtracker, error) {
	re, err := regexp2.Compile(expr, regexp2.OptionMaintainCaptureOrder(), regexp2.OptionMaxBacktrackingStackSize(-1))
	if err != nil {
		return backtracker{}, reError(err.Error())
	}
	re.MatchTimeout = matchTimeout
	return backtracker{re}, nil
}

func (m backtracker) find(sb *subject, pos, end int) ([]int, error) {
	runes, offsets := sb.runeTable()
	endR, posR := sb.index(end), sb.index(pos)
	match, err := m.re.FindRunesMatchStartingAt(runes[:endR], posR)
	if err != nil {
		if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
			return nil, reError("the match needs too much backtracking")
		}
		return nil, reError("the match took longer than " + matchTimeout.String())
	}
	if match == nil {
		return nil, nil
	}
	groups := match.Groups()
	loc := make([]int, 2*len(groups))
	for i := range groups {
		if len(groups[i].Captures) == 0 {
			loc[2*i], loc[2*i+1] = -1, -1
			continue
		}
		c := groups[i].Capture
		loc[2*i], loc[2*i+1] = offsets[c.RuneIndex], offsets[c.RuneIndex+c.RuneLength]
	}
	return loc, nil
}

// names lists group names by number ("" for unnamed), as SubexpNames does.
func (m backtracker) names() []string {
	nums := m.re.GetGroupNumbers()
	out := make([]string, len(nums))
	for _, n := range nums {
		if name := m.re.GroupNameFromNumber(n); name != strconv.Itoa(n) && n < len(out) {
			out[n] = name
		}
	}
	return out
}
