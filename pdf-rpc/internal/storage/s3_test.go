package storage

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// fakeS3 serves the S3 protocol from memory: the bucket is an outside service, so a protocol fake stands in.
func fakeS3(t *testing.T) (S3Config, *s3mem.Backend) {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("epro-files"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	return S3Config{Endpoint: srv.URL, Bucket: "epro-files", Region: "us-east-1", AccessKey: "k", SecretKey: "s", Prefix: "epro/"}, backend
}

func TestS3PutOpen(t *testing.T) {
	cfg, backend := fakeS3(t)
	ctx := context.Background()
	s, err := NewS3(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("%PDF-1.4 report "), 1000)
	a, err := s.Put(ctx, data, ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	local, _ := NewLocal(t.TempDir())
	want, _ := local.Put(ctx, data, ".pdf")
	if a != want {
		t.Fatalf("S3 address %+v differs from the local one %+v", a, want)
	}
	if b, err := s.Put(ctx, data, ".pdf"); err != nil || b != a {
		t.Fatalf("second put: %+v %v", b, err)
	}
	// stored under the prefix, at the content address
	if _, err := backend.HeadObject("epro-files", "epro/"+a.Key); err != nil {
		t.Fatalf("object not in the bucket: %v", err)
	}
	r, err := s.Open(ctx, a.Key)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	r.Close()
	if !bytes.Equal(got, data) {
		t.Fatalf("read %d bytes, want %d", len(got), len(data))
	}
	missing := "sha256/00/" + string(bytes.Repeat([]byte("0"), 64)) + ".pdf"
	if _, err := s.Open(ctx, missing); err != ErrNotFound {
		t.Fatalf("missing object: %v", err)
	}
	for _, key := range []string{"../etc/passwd", "sha256/aa/../../x", ""} {
		if _, err := s.Open(ctx, key); err != ErrNotFound {
			t.Errorf("key %q: %v", key, err)
		}
	}
}

func TestS3Config(t *testing.T) {
	cfg, _ := fakeS3(t)
	ctx := context.Background()
	bad := cfg
	bad.Bucket = "no-such-bucket"
	if _, err := NewS3(ctx, bad); err == nil {
		t.Error("missing bucket accepted")
	}
	bad = cfg
	bad.Prefix = "../up"
	if _, err := NewS3(ctx, bad); err == nil {
		t.Error("prefix with .. accepted")
	}
	if _, err := NewS3(ctx, S3Config{Bucket: "x"}); err == nil {
		t.Error("empty endpoint accepted")
	}
}
