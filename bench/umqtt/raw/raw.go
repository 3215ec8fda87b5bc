// Package raw is the benchmark's floor: an MQTT 3.1.1 client with no
// library, packets built by hand and read on the caller's goroutine.
package raw

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"net"
)

// Client is one connection; not safe for concurrent use.
type Client struct {
	conn net.Conn
	r    *bufio.Reader
	buf  []byte
	id   uint16
}

// Dial connects and sends CONNECT (clean session, no keepalive).
func Dial(addr, clientID string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Client{conn: conn, r: bufio.NewReader(conn)}
	body := appendString(nil, "MQTT")
	body = append(body, 4, 0x02, 0, 0) // level 4, clean session, keepalive 0
	body = appendString(body, clientID)
	if err := c.write(0x10, body); err != nil {
		return nil, err
	}
	typ, b, err := c.Read()
	if err != nil {
		return nil, err
	}
	if typ != 0x20 || len(b) != 2 || b[1] != 0 {
		return nil, fmt.Errorf("CONNACK % x", b)
	}
	return c, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
	return append(b, s...)
}

// write sends one packet with one write call.
func (c *Client) write(header byte, body []byte) error {
	b := append(c.buf[:0], header)
	n := len(body)
	for {
		d := byte(n % 128)
		n /= 128
		if n > 0 {
			d |= 0x80
		}
		b = append(b, d)
		if n == 0 {
			break
		}
	}
	b = append(b, body...)
	c.buf = b
	_, err := c.conn.Write(b)
	return err
}

// Read returns the next packet's first byte and body.
func (c *Client) Read() (byte, []byte, error) {
	h, err := c.r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	n, mul := 0, 1
	for {
		d, err := c.r.ReadByte()
		if err != nil {
			return 0, nil, err
		}
		n += int(d&0x7f) * mul
		if d&0x80 == 0 {
			break
		}
		mul *= 128
	}
	body := make([]byte, n)
	_, err = readFull(c.r, body)
	return h, body, err
}

func readFull(r *bufio.Reader, b []byte) (int, error) {
	got := 0
	for got < len(b) {
		n, err := r.Read(b[got:])
		got += n
		if err != nil {
			return got, err
		}
	}
	return got, nil
}

// Publish sends a PUBLISH; at QoS 1 it waits for the PUBACK (stop and
// wait), skipping anything else that arrives.
func (c *Client) Publish(topic string, payload []byte, qos byte) error {
	body := appendString(c.scratch(), topic)
	if qos > 0 {
		c.next()
		body = binary.BigEndian.AppendUint16(body, c.id)
	}
	body = append(body, payload...)
	if err := c.write(0x30|qos<<1, body); err != nil {
		return err
	}
	if qos == 0 {
		return nil
	}
	for {
		typ, b, err := c.Read()
		if err != nil {
			return err
		}
		if typ == 0x40 && binary.BigEndian.Uint16(b) == c.id {
			return nil
		}
	}
}

// scratch is a body buffer that write does not share.
func (c *Client) scratch() []byte { return make([]byte, 0, 128) }

func (c *Client) next() {
	c.id++
	if c.id == 0 {
		c.id = 1
	}
}

// Subscribe subscribes at QoS 0 and waits for the SUBACK.
func (c *Client) Subscribe(filter string) error {
	c.next()
	body := binary.BigEndian.AppendUint16(nil, c.id)
	body = appendString(body, filter)
	body = append(body, 0)
	if err := c.write(0x82, body); err != nil {
		return err
	}
	for {
		typ, _, err := c.Read()
		if err != nil {
			return err
		}
		if typ == 0x90 {
			return nil
		}
	}
}

// NextPublish reads until a PUBLISH arrives and returns its payload.
func (c *Client) NextPublish() ([]byte, error) {
	for {
		typ, b, err := c.Read()
		if err != nil {
			return nil, err
		}
		if typ>>4 == 3 {
			n := int(binary.BigEndian.Uint16(b))
			off := 2 + n
			if (typ>>1)&3 > 0 {
				off += 2
			}
			return b[off:], nil
		}
	}
}

// Close sends DISCONNECT and closes.
func (c *Client) Close() error {
	c.write(0xe0, nil)
	return c.conn.Close()
}
