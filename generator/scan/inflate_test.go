package scan

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// inflateResult is what the logic's inflateRaw gave: the bytes, or how it refused.
type inflateResult struct {
	ok       bool
	out      []byte
	tooLarge bool
	refused  bool // a Refusal: the data is damaged
}

// inflate runs the logic's inflateRaw on data with the output limit.
func inflate(t testing.TB, m *Module, data []byte, limit int) inflateResult {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	wrap, err := m.vm.RunString(`(function (buf, limit) {
		var S = KennisbankScan, data = new Uint8Array(buf);
		try { return { ok: true, out: S.inflateRaw(data, 0, data.length, limit).slice() } }
		catch (e) { return { ok: false, tooLarge: e instanceof S.TooLarge, refused: e instanceof S.Refusal } }
	})`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(wrap)
	res, err := fn(goja.Undefined(), m.vm.ToValue(m.vm.NewArrayBuffer(bytes.Clone(data))), m.vm.ToValue(limit))
	if err != nil {
		t.Fatalf("inflateRaw threw: %v", err)
	}
	o := res.ToObject(m.vm)
	r := inflateResult{ok: o.Get("ok").ToBoolean()}
	if r.ok {
		r.out = o.Get("out").Export().([]byte)
	} else {
		r.tooLarge = o.Get("tooLarge").ToBoolean()
		r.refused = o.Get("refused").ToBoolean()
	}
	return r
}

func deflate(t testing.TB, data []byte, level int) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	// Flush between pieces so that one stream holds several blocks of different kinds.
	for len(data) > 0 {
		n := min(len(data), 1+len(data)/3)
		_, _ = w.Write(data[:n])
		data = data[n:]
		_ = w.Flush()
	}
	_ = w.Close()
	return b.Bytes()
}

// samples are inputs of the kinds an .xlsx holds and some that stress the decoder: repetitive
// XML, random bytes (stored and fixed-code blocks), long runs (overlapping matches).
func samples() [][]byte {
	rng := rand.New(rand.NewSource(7))
	random := make([]byte, 70000)
	rng.Read(random)
	var xml strings.Builder
	for r := 1; r <= 800; r++ {
		fmt.Fprintf(&xml, `<row r="%d">`, r)
		for c := 0; c < 12; c++ {
			fmt.Fprintf(&xml, `<c r="%c%d" t="s"><v>%d</v></c>`, 'A'+c, r, rng.Intn(9))
		}
		xml.WriteString("</row>")
	}
	mixed := append(bytes.Repeat([]byte("ab"), 5000), random[:3000]...)
	return [][]byte{nil, []byte("a"), []byte("Helemaal mee eens"), random, []byte(xml.String()), bytes.Repeat([]byte{0}, 100000), mixed, []byte(strings.Repeat("Ik ben bekend met de inhoud van de innovatie. ", 900))}
}

// TestInflateMatchesGoFlate compresses samples with Go's compress/flate at every level (stored,
// Huffman only, fixed and dynamic codes) and checks that the logic's inflate gives them back, and
// stops at a limit one byte short.
func TestInflateMatchesGoFlate(t *testing.T) {
	m := mod(t)
	levels := []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, 3, flate.DefaultCompression, flate.BestCompression}
	for i, data := range samples() {
		for _, level := range levels {
			packed := deflate(t, data, level)
			r := inflate(t, m, packed, len(data))
			if !r.ok || !bytes.Equal(r.out, data) {
				t.Errorf("sample %d (%d bytes), level %d: ok %v, %d bytes back, equal %v", i, len(data), level, r.ok, len(r.out), bytes.Equal(r.out, data))
				continue
			}
			if len(data) > 0 {
				if short := inflate(t, m, packed, len(data)-1); !short.tooLarge {
					t.Errorf("sample %d, level %d: a limit of %d bytes for %d did not stop it: %+v", i, level, len(data)-1, len(data), short)
				}
			}
		}
	}
}

// FuzzInflate holds the logic's inflate to Go's compress/flate on any input: the same bytes out,
// or both refuse. The logic never throws anything but its refusals.
func FuzzInflate(f *testing.F) {
	for _, data := range samples()[:5] {
		for _, level := range []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, flate.BestCompression} {
			packed := deflate(f, data[:min(len(data), 2000)], level)
			f.Add(packed)
			if len(packed) > 4 {
				damaged := bytes.Clone(packed)
				damaged[len(damaged)/2] ^= 0x10
				f.Add(damaged)
				f.Add(packed[:len(packed)-2])
			}
		}
	}
	m := mod(f)
	const limit = 1 << 20
	f.Fuzz(func(t *testing.T, packed []byte) {
		want, goErr := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(packed)), limit+1))
		if goErr == nil && len(want) > limit {
			return
		}
		got := inflate(t, m, packed, limit)
		switch {
		case goErr == nil && !got.ok:
			t.Fatalf("Go inflates %x to %d bytes; the logic refuses (too large %v, damaged %v)", packed, len(want), got.tooLarge, got.refused)
		case goErr != nil && got.ok:
			t.Fatalf("Go refuses %x (%v); the logic inflates it to %d bytes", packed, goErr, len(got.out))
		case goErr == nil && !bytes.Equal(want, got.out):
			t.Fatalf("%x: Go gives %x, the logic %x", packed, want, got.out)
		case !got.ok && !got.refused && !got.tooLarge:
			t.Fatalf("%x: the logic failed without a refusal", packed)
		}
	})
}
