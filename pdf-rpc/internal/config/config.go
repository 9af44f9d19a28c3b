package config

import (
	"time"

	"github.com/openepro/epro/pdf-rpc/internal/storage"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is pdf-rpc's configuration (etc/pdf.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_pdf, which records stored documents and attachments.
	DataSource string
	// StorageDir is the root of the local content-addressed file store (the default backend).
	StorageDir string `json:",optional"`
	// S3, when its Endpoint is set, stores files in an S3-compatible bucket instead of StorageDir.
	S3 storage.S3Config `json:",optional"`
	// FontPath is a CJK TrueType font that may be redistributed (Debian's fonts-droid-fallback by default).
	FontPath string `json:",default=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"`
	// MaxConcurrentRenders bounds CPU spent on rendering at once; RenderTimeout bounds one render.
	MaxConcurrentRenders int           `json:",default=4,range=[1:64]"`
	RenderTimeout        time.Duration `json:",default=10s"`
	// Photo limits: encoded size and pixel count (decompression bombs are refused from their header).
	MaxPhotoBytes  int `json:",default=10485760"`
	MaxPhotoPixels int `json:",default=40000000"`
}
