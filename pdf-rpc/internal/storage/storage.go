// Package storage keeps files content-addressed by SHA-256. The local backend writes atomically (a temp file in
// the same directory, fsync, rename) and builds every path from the hash alone, never from user input.
package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// Object describes a stored file.
type Object struct {
	Key    string // content address: sha256/<aa>/<hash><ext>
	SHA256 string
	Size   int64
}

// Store is a content-addressed file store.
type Store interface {
	// Put stores data and returns its address; storing the same bytes again is a no-op.
	Put(ctx context.Context, data []byte, ext string) (Object, error)
	// Open returns a reader for a stored key.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// ErrNotFound is returned by Open for a key that is not stored.
var ErrNotFound = errors.New("storage: object not found")

var (
	validKey = regexp.MustCompile(`^sha256/[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z0-9]{1,8})?$`)
	validExt = regexp.MustCompile(`^(\.[a-z0-9]{1,8})?$`)
)

// Local stores files under a root directory.
type Local struct{ root string }

var _ Store = (*Local)(nil)

// NewLocal returns a store rooted at dir, creating it if needed.
func NewLocal(dir string) (*Local, error) {
	if dir == "" {
		return nil, errors.New("storage: directory is required")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	return &Local{root: dir}, nil
}

// Put implements Store.
func (l *Local) Put(_ context.Context, data []byte, ext string) (Object, error) {
	if !validExt.MatchString(ext) {
		return Object{}, fmt.Errorf("storage: bad extension %q", ext)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	obj := Object{Key: "sha256/" + hash[:2] + "/" + hash + ext, SHA256: hash, Size: int64(len(data))}
	final := filepath.Join(l.root, filepath.FromSlash(obj.Key))
	if st, err := os.Stat(final); err == nil && st.Size() == obj.Size {
		return obj, nil
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return Object{}, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), ".tmp-*")
	if err != nil {
		return Object{}, err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return Object{}, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return Object{}, err
	}
	if err := tmp.Close(); err != nil {
		return Object{}, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Object{}, err
	}
	return obj, nil
}

// Open implements Store.
func (l *Local) Open(_ context.Context, key string) (io.ReadCloser, error) {
	if !validKey.MatchString(key) {
		return nil, ErrNotFound
	}
	f, err := os.Open(filepath.Join(l.root, filepath.FromSlash(key)))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotFound
	}
	return f, err
}
