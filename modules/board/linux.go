package board

import (
	"fmt"
	goruntime "runtime"
)

func init() {
	Register(Backend{
		Kind:  "linux",
		Usage: "linux[:map.json]",
		Open: func(arg string) (Board, error) {
			m, err := loadLinuxMap(arg)
			if err != nil {
				return nil, err
			}
			if goruntime.GOOS != "linux" {
				return nil, fmt.Errorf("board linux: this host runs %s; the linux board needs Linux", goruntime.GOOS)
			}
			return newLinux(m), nil
		},
	})
}
