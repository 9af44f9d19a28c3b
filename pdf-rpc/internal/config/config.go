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
	// MaxConcurrentRenders bounds CPU spent on rendering at once (0: half the cores, at least one, so summaries,
	// which nobody waits for at submission, never starve the services taking reports on a shared machine);
	// RenderTimeout bounds one render.
	MaxConcurrentRenders int           `json:",default=0,range=[0:64]"`
	RenderTimeout        time.Duration `json:",default=10s"`
	// BenchRenderDelay adds a pause to every render, so make bench can measure acknowledgements while the PDF
	// service is slow. Benchmark only; never set it in production.
	BenchRenderDelay time.Duration `json:",optional"`
	// Photo limits: encoded size and pixel count (decompression bombs are refused from their header).
	MaxPhotoBytes  int `json:",default=10485760"`
	MaxPhotoPixels int `json:",default=40000000"`
}
