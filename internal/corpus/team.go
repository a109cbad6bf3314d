package corpus

import (
	"fmt"
	"math/rand"
	"strings"
)

// TeamCSV writes a team file for the implementatiescan: n respondents with random answers (fixed
// seed), one in ten missing, as Dutch Excel writes them (semicolons, CRLF). numbers and scales
// give the determinants in order. The goja and the Chromium benchmarks of the scan both use it,
// so their figures are for the same work.
func TeamCSV(numbers []int, scales []string, n int) string {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString("respondent")
	for _, num := range numbers {
		fmt.Fprintf(&b, ";%d", num)
	}
	b.WriteString("\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "r%d", i)
		for _, scale := range scales {
			b.WriteByte(';')
			if rng.Intn(10) == 0 {
				continue
			}
			if scale == "janeeweetniet" {
				b.WriteString([]string{"ja", "nee", "weet niet"}[rng.Intn(3)])
			} else {
				fmt.Fprint(&b, 1+rng.Intn(5))
			}
		}
		b.WriteString("\r\n")
	}
	return b.String()
}
