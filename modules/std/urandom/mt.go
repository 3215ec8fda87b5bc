package urandom

import (
	"crypto/sha512"
	"math/big"
)

// mt is CPython's Mersenne Twister (MT19937), seeded as CPython seeds it,
// so random.seed(n) gives the same numbers as CPython.
type mt struct {
	state [624]uint32
	index int
}

func (m *mt) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < 624; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^(m.state[i-1]>>30)) + uint32(i)
	}
	m.index = 624
}

func (m *mt) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.state[0] = m.state[623]
			i = 1
		}
	}
	m.state[0] = 0x80000000
}

func (m *mt) uint32() uint32 {
	if m.index >= 624 {
		m.twist()
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *mt) twist() {
	for i := 0; i < 624; i++ {
		y := (m.state[i] & 0x80000000) | (m.state[(i+1)%624] & 0x7fffffff)
		v := m.state[(i+397)%624] ^ (y >> 1)
		if y&1 != 0 {
			v ^= 0x9908b0df
		}
		m.state[i] = v
	}
	m.index = 0
}

// random is a float in [0, 1) with 53 random bits.
func (m *mt) random() float64 {
	a, b := m.uint32()>>5, m.uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seedInt seeds from |n| split into 32-bit words, low word first.
func (m *mt) seedInt(n *big.Int) {
	n = new(big.Int).Abs(n)
	var key []uint32
	words := n.Bits()
	for _, w := range words {
		key = append(key, uint32(w))
		if bitsPerWord == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
}

// seedBytes is CPython's version 2 seeding of str and bytes: the bytes
// followed by their SHA-512, read as one big-endian integer.
func (m *mt) seedBytes(b []byte) {
	sum := sha512.Sum512(b)
	m.seedInt(new(big.Int).SetBytes(append(append([]byte(nil), b...), sum[:]...)))
}

const bitsPerWord = 32 << (^uint(0) >> 63)

// getrandbits returns a k-bit random integer, filled as CPython does.
func (m *mt) getrandbits(k int) *big.Int {
	if k <= 32 {
		if k == 0 {
			return new(big.Int)
		}
		return big.NewInt(int64(m.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	buf := make([]byte, words*4) // little-endian words
	for i := 0; i < words; i++ {
		r := m.uint32()
		if k < 32 {
			r >>= 32 - k
		}
		buf[i*4], buf[i*4+1], buf[i*4+2], buf[i*4+3] = byte(r), byte(r>>8), byte(r>>16), byte(r>>24)
		k -= 32
	}
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return new(big.Int).SetBytes(buf)
}

// below returns a uniform integer in [0, n) for n > 0.
func (m *mt) below(n *big.Int) *big.Int {
	k := n.BitLen()
	r := m.getrandbits(k)
	for r.Cmp(n) >= 0 {
		r = m.getrandbits(k)
	}
	return r
}

// belowInt is below for small n.
func (m *mt) belowInt(n int) int {
	return int(m.below(big.NewInt(int64(n))).Int64())
}
