package phicrypt

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

func key(b byte) string { return base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{b}, 32)) }

func TestSealOpenAndRotate(t *testing.T) {
	old, err := Parse("k1:"+key(1), "k1")
	if err != nil {
		t.Fatal(err)
	}
	sealed, id, err := old.Seal("phone", "13812345678")
	if err != nil || id != "k1" || strings.Contains(sealed, "13812345678") {
		t.Fatalf("seal: %v %s", err, id)
	}
	// after rotation: k2 active, k1 still opens old values
	ring, err := Parse("k1:"+key(1)+",k2:"+key(2), "k2")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ring.Open("phone", sealed, id); err != nil || got != "13812345678" {
		t.Fatalf("open old: %q %v", got, err)
	}
	if _, id2, _ := ring.Seal("phone", "x"); id2 != "k2" {
		t.Fatalf("new values use %s", id2)
	}
	// bound to the field: a phone ciphertext does not open as a national ID
	if _, err := ring.Open("national_id", sealed, id); err == nil {
		t.Fatal("ciphertext opened under another field")
	}
	if _, err := ring.Open("phone", sealed, "k9"); err != ErrUnknownKey {
		t.Fatalf("unknown key: %v", err)
	}
}

func TestParseRejectsBadKeys(t *testing.T) {
	for _, c := range [][2]string{{"", "k1"}, {"k1:short", "k1"}, {"k1:" + key(1), "k2"}, {"nocolon", "k1"}} {
		if _, err := Parse(c[0], c[1]); err == nil {
			t.Errorf("accepted %q active %q", c[0], c[1])
		}
	}
}
