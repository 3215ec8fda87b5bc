package pyrepr

import (
	"strconv"

	"go.starlark.net/starlark"
)

// rangeRepr is Python's range(start, stop[, step]) (Starlark prints range(3)).
func rangeRepr(v starlark.Value) string {
	var start, stop, step int
	if s := v.String(); !parseRange(s, &start, &stop, &step) {
		return s
	}
	if step == 1 {
		return "range(" + strconv.Itoa(start) + ", " + strconv.Itoa(stop) + ")"
	}
	return "range(" + strconv.Itoa(start) + ", " + strconv.Itoa(stop) + ", " + strconv.Itoa(step) + ")"
}

// parseRange reads Starlark's range(stop) / range(start, stop[, step]).
func parseRange(s string, start, stop, step *int) bool {
	if len(s) < 8 || s[:6] != "range(" || s[len(s)-1] != ')' {
		return false
	}
	var nums []int
	cur := ""
	for _, c := range s[6:] {
		if c == ',' || c == ')' {
			n, err := strconv.Atoi(cur)
			if err != nil {
				return false
			}
			nums = append(nums, n)
			cur = ""
			continue
		}
		if c != ' ' {
			cur += string(c)
		}
	}
	*start, *step = 0, 1
	switch len(nums) {
	case 1:
		*stop = nums[0]
	case 2:
		*start, *stop = nums[0], nums[1]
	case 3:
		*start, *stop, *step = nums[0], nums[1], nums[2]
	default:
		return false
	}
	return true
}
