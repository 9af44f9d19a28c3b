package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Config configures an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, a hospital's object store).
type S3Config struct {
	Endpoint  string // host[:port] or http(s)://host[:port]
	Bucket    string
	Region    string `json:",optional"`
	AccessKey string `json:",optional"`
	SecretKey string `json:",optional"`
	Prefix    string `json:",optional"` // key prefix inside the bucket, e.g. "epro/"
	Insecure  bool   `json:",optional"` // plain HTTP, for a store inside the hospital network or a local MinIO
}

// S3 stores files in an S3-compatible bucket under the same content addresses as Local.
type S3 struct {
	client *minio.Client
	bucket string
	prefix string
}

var _ Store = (*S3)(nil)

// NewS3 connects to the bucket and checks that it exists.
func NewS3(ctx context.Context, c S3Config) (*S3, error) {
	if c.Endpoint == "" || c.Bucket == "" {
		return nil, errors.New("storage: S3 endpoint and bucket are required")
	}
	endpoint, secure := c.Endpoint, !c.Insecure
	if u, err := url.Parse(c.Endpoint); err == nil && u.Host != "" {
		endpoint, secure = u.Host, u.Scheme == "https"
	}
	if c.Prefix != "" && !validPrefix(c.Prefix) {
		return nil, fmt.Errorf("storage: S3 prefix %q must be lower-case letters, digits, '-', '_' and '/'", c.Prefix)
	}
	client, err := minio.New(endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(c.AccessKey, c.SecretKey, ""),
		Secure: secure,
		Region: c.Region,
	})
	if err != nil {
		return nil, fmt.Errorf("storage: S3 client: %w", err)
	}
	ok, err := client.BucketExists(ctx, c.Bucket)
	if err != nil {
		return nil, fmt.Errorf("storage: S3 bucket %q: %w", c.Bucket, err)
	}
	if !ok {
		return nil, fmt.Errorf("storage: S3 bucket %q does not exist", c.Bucket)
	}
	return &S3{client: client, bucket: c.Bucket, prefix: c.Prefix}, nil
}

func validPrefix(p string) bool {
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '/') {
			return false
		}
	}
	return !strings.Contains(p, "..")
}

// Put implements Store. The upload carries its SHA-256 so the store verifies what it received.
func (s *S3) Put(ctx context.Context, data []byte, ext string) (Object, error) {
	if !validExt.MatchString(ext) {
		return Object{}, fmt.Errorf("storage: bad extension %q", ext)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	obj := Object{Key: "sha256/" + hash[:2] + "/" + hash + ext, SHA256: hash, Size: int64(len(data))}
	name := s.prefix + obj.Key
	if st, err := s.client.StatObject(ctx, s.bucket, name, minio.StatObjectOptions{}); err == nil && st.Size == obj.Size {
		return obj, nil
	}
	_, err := s.client.PutObject(ctx, s.bucket, name, bytes.NewReader(data), obj.Size, minio.PutObjectOptions{
		ContentType:    contentType(ext),
		SendContentMd5: true,
		UserMetadata:   map[string]string{"Sha256": hash},
	})
	if err != nil {
		return Object{}, fmt.Errorf("storage: S3 put: %w", err)
	}
	return obj, nil
}

// Open implements Store.
func (s *S3) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if !validKey.MatchString(key) {
		return nil, ErrNotFound
	}
	o, err := s.client.GetObject(ctx, s.bucket, s.prefix+key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("storage: S3 get: %w", err)
	}
	// GetObject is lazy: Stat reveals a missing object before the caller starts streaming.
	if _, err := o.Stat(); err != nil {
		o.Close()
		if minio.ToErrorResponse(err).Code == "NoSuchKey" {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("storage: S3 get: %w", err)
	}
	return o, nil
}

func contentType(ext string) string {
	switch ext {
	case ".pdf":
		return "application/pdf"
	case ".png":
		return "image/png"
	case ".jpg":
		return "image/jpeg"
	}
	return "application/octet-stream"
}
