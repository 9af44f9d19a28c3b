// Package imaging checks and cleans participants' photos: the type is sniffed from the content (JPEG or PNG, the
// file name is never trusted), the size and the pixel count are bounded before decoding (a decompression bomb is
// refused from its header), and the image is re-encoded from its pixels, which drops EXIF and every other
// metadata block (GPS location included). A thumbnail is made for summaries.
package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"
	"strings"

	"github.com/openepro/epro/common/errs"
	"golang.org/x/image/draw"
)

// Limits bound what is accepted.
type Limits struct {
	MaxBytes  int // encoded size
	MaxPixels int // width × height
	ThumbSize int // longest side of the thumbnail
}

// DefaultLimits suit phone photos.
var DefaultLimits = Limits{MaxBytes: 10 << 20, MaxPixels: 40_000_000, ThumbSize: 320}

// Image is a cleaned photo.
type Image struct {
	ContentType   string
	Width, Height int
	Data          []byte // re-encoded, without metadata
	Thumb         []byte // JPEG
}

// Reasons of rejected photos.
const (
	ReasonEmpty     = "FILE_EMPTY"
	ReasonTooLarge  = "FILE_TOO_LARGE"
	ReasonType      = "UNSUPPORTED_IMAGE_TYPE"
	ReasonTooManyPx = "IMAGE_TOO_MANY_PIXELS"
	ReasonCorrupt   = "IMAGE_CORRUPT"
)

// ReasonMismatch is the reason of a file whose name or declared type contradicts its content.
const ReasonMismatch = "IMAGE_TYPE_MISMATCH"

var extTypes = map[string]string{".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg", ".png": "image/png"}

// CheckDeclared refuses a file whose name extension or declared content type says something else than its
// content (a PNG named .jpg): a client that mislabels files is told so, not silently corrected. Content that
// is not a supported image at all is left to Clean, which names that rule instead.
func CheckDeclared(sniffed, fileName, declared string) error {
	if sniffed != "image/jpeg" && sniffed != "image/png" {
		return nil
	}
	name := strings.ToLower(fileName)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if t, ok := extTypes[name[i:]]; !ok || t != sniffed {
			return errs.New(errs.KindUnsupportedMedia, ReasonMismatch, "file name extension does not match its content (%s)", sniffed)
		}
	}
	if d := strings.ToLower(strings.TrimSpace(strings.Split(declared, ";")[0])); d != "" && d != "application/octet-stream" && d != sniffed {
		return errs.New(errs.KindUnsupportedMedia, ReasonMismatch, "declared content type does not match the content (%s)", sniffed)
	}
	return nil
}

// Sniff returns the content type read from the data.
func Sniff(data []byte) string { return http.DetectContentType(data) }

// Clean checks data and returns the re-encoded image and its thumbnail.
func Clean(data []byte, lim Limits) (Image, error) {
	if len(data) == 0 {
		return Image{}, errs.Invalid(ReasonEmpty, "file is empty")
	}
	if len(data) > lim.MaxBytes {
		return Image{}, errs.New(errs.KindTooLarge, ReasonTooLarge, "file must be at most %d bytes", lim.MaxBytes)
	}
	ct := http.DetectContentType(data)
	if ct != "image/jpeg" && ct != "image/png" {
		return Image{}, errs.New(errs.KindUnsupportedMedia, ReasonType, "file must be a JPEG or PNG image (its content is not)")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, errs.Invalid(ReasonCorrupt, "file is not a readable %s image", ct)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > lim.MaxPixels || cfg.Width > 20000 || cfg.Height > 20000 {
		return Image{}, errs.Invalid(ReasonTooManyPx, "image must have at most %d pixels", lim.MaxPixels)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, errs.Invalid(ReasonCorrupt, "file is not a readable %s image", ct)
	}
	out := Image{ContentType: ct, Width: cfg.Width, Height: cfg.Height}
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	case "png":
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	default:
		err = errors.New("unexpected format")
	}
	if err != nil {
		return Image{}, err
	}
	out.Data = buf.Bytes()
	if out.Thumb, err = thumbnail(img, lim.ThumbSize); err != nil {
		return Image{}, err
	}
	return out, nil
}

func thumbnail(img image.Image, size int) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w >= h && w > size {
		h, w = h*size/w, size
	} else if h > w && h > size {
		w, h = w*size/h, size
	}
	w, h = max(w, 1), max(h, 1)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80})
	return buf.Bytes(), err
}
