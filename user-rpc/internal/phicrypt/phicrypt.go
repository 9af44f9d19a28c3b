// Package phicrypt seals PHI fields (phone, national ID) at rest with AES-256-GCM. Each sealed value records the
// id of its key, so keys can be rotated: new values use the active key, old values open with the key they name.
package phicrypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// Keyring holds the PHI keys by id.
type Keyring struct {
	active string
	aeads  map[string]cipher.AEAD
}

// ErrUnknownKey is returned for a value sealed with a key the ring does not hold.
var ErrUnknownKey = errors.New("phicrypt: unknown key id")

// Parse reads keys as "id:base64key,id2:base64key2" (32-byte keys) and the active key id.
func Parse(keys, active string) (*Keyring, error) {
	k := &Keyring{active: active, aeads: map[string]cipher.AEAD{}}
	for _, part := range strings.Split(keys, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, b64, ok := strings.Cut(part, ":")
		if !ok || id == "" || len(id) > 32 {
			return nil, fmt.Errorf("phicrypt: key entries are id:base64key")
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(raw) != 32 {
			return nil, fmt.Errorf("phicrypt: key %s must be 32 bytes in base64", id)
		}
		block, err := aes.NewCipher(raw)
		if err != nil {
			return nil, err
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		k.aeads[id] = aead
	}
	if _, ok := k.aeads[active]; !ok {
		return nil, fmt.Errorf("phicrypt: the active key %q is not among the keys", active)
	}
	return k, nil
}

// Seal encrypts plaintext with the active key; field binds the ciphertext to its column (AAD). The result is
// base64 text (nonce ‖ ciphertext): sealed values pass through string-typed code, caches and JSON unharmed.
func (k *Keyring) Seal(field, plaintext string) (sealed, keyID string, err error) {
	aead := k.aeads[k.active]
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", "", err
	}
	return base64.StdEncoding.EncodeToString(aead.Seal(nonce, nonce, []byte(plaintext), []byte(field))), k.active, nil
}

// Open decrypts a value sealed by Seal with the key keyID.
func (k *Keyring) Open(field, sealedText, keyID string) (string, error) {
	aead, ok := k.aeads[keyID]
	if !ok {
		return "", ErrUnknownKey
	}
	sealed, err := base64.StdEncoding.DecodeString(sealedText)
	if err != nil || len(sealed) < aead.NonceSize() {
		return "", errors.New("phicrypt: sealed value too short")
	}
	plain, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], []byte(field))
	if err != nil {
		return "", errors.New("phicrypt: value does not open with its key")
	}
	return string(plain), nil
}
