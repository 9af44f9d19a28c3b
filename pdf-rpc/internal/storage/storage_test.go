package storage

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestLocalPutOpen(t *testing.T) {
	dir := t.TempDir()
	s, err := NewLocal(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := s.Put(ctx, []byte("hello"), ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	if a.SHA256 != "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" || a.Size != 5 {
		t.Fatalf("object %+v", a)
	}
	b, err := s.Put(ctx, []byte("hello"), ".pdf")
	if err != nil || b != a {
		t.Fatalf("second put: %+v %v", b, err)
	}
	r, err := s.Open(ctx, a.Key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if string(got) != "hello" {
		t.Fatalf("read %q", got)
	}
	// no temp files left behind
	entries, _ := os.ReadDir(filepath.Join(dir, "sha256", a.SHA256[:2]))
	if len(entries) != 1 {
		t.Fatalf("want 1 file, got %d", len(entries))
	}
}

func TestLocalRejectsPathsFromInput(t *testing.T) {
	s, _ := NewLocal(t.TempDir())
	for _, key := range []string{"../etc/passwd", "sha256/aa/../../x", "/etc/passwd", ""} {
		if _, err := s.Open(context.Background(), key); err != ErrNotFound {
			t.Errorf("key %q: %v", key, err)
		}
	}
	if _, err := s.Put(context.Background(), []byte("x"), "/../x"); err == nil {
		t.Error("bad extension accepted")
	}
}
