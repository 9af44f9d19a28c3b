package imaging

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/openepro/epro/common/errs"
)

func photo(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	return img
}

// jpegWithGPS builds a JPEG carrying an APP1 EXIF block with a GPS tag and a recognisable marker.
func jpegWithGPS(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo(64, 48), nil); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	exif := append([]byte("Exif\x00\x00"), []byte("MM\x00\x2a\x00\x00\x00\x08GPSLatitude=39.9042N;GPSLongitude=116.4074E")...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(exif)+2))
	out := append([]byte{}, raw[:2]...) // SOI
	out = append(out, app1...)
	out = append(out, exif...)
	return append(out, raw[2:]...)
}

func pngBytes(t *testing.T, img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombPNG is a tiny PNG whose header claims 100000 × 100000 pixels.
func bombPNG() []byte {
	var b bytes.Buffer
	b.Write([]byte("\x89PNG\r\n\x1a\n"))
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100000)
	binary.BigEndian.PutUint32(ihdr[4:], 100000)
	ihdr[8], ihdr[9] = 8, 2
	chunk := func(typ string, data []byte) {
		_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

func TestCleanStripsEXIFAndMakesThumbnail(t *testing.T) {
	in := jpegWithGPS(t)
	if !bytes.Contains(in, []byte("GPSLatitude")) {
		t.Fatal("fixture has no GPS block")
	}
	out, err := Clean(in, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out.Data, []byte("GPSLatitude")) || bytes.Contains(out.Data, []byte("Exif")) {
		t.Fatal("EXIF survived re-encoding")
	}
	if out.ContentType != "image/jpeg" || out.Width != 64 || out.Height != 48 || len(out.Thumb) == 0 {
		t.Fatalf("%+v", out)
	}
	th, err := jpeg.Decode(bytes.NewReader(out.Thumb))
	if err != nil || th.Bounds().Dx() > DefaultLimits.ThumbSize {
		t.Fatalf("thumbnail %v %v", th.Bounds(), err)
	}
	big, err := Clean(pngBytes(t, photo(1000, 500)), DefaultLimits)
	if err != nil || big.ContentType != "image/png" {
		t.Fatal(err)
	}
	th, _ = jpeg.Decode(bytes.NewReader(big.Thumb))
	if th.Bounds().Dx() != 320 || th.Bounds().Dy() != 160 {
		t.Fatalf("thumbnail size %v", th.Bounds())
	}
}

func TestCleanRejects(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		kind   errs.Kind
		reason string
	}{
		{"zero bytes", nil, errs.KindInvalid, ReasonEmpty},
		{"not an image", []byte("%PDF-1.4 this is a pdf"), errs.KindUnsupportedMedia, ReasonType},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), errs.KindUnsupportedMedia, ReasonType},
		{"oversized", append(pngBytes(t, photo(8, 8)), make([]byte, 11<<20)...), errs.KindTooLarge, ReasonTooLarge},
		{"decompression bomb", bombPNG(), errs.KindInvalid, ReasonTooManyPx},
		{"truncated jpeg", jpegWithGPS(t)[:200], errs.KindInvalid, ReasonCorrupt},
	}
	for _, c := range cases {
		_, err := Clean(c.data, DefaultLimits)
		e, ok := errs.As(err)
		if !ok || e.Kind != c.kind || e.Reason != c.reason {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestCheckDeclared(t *testing.T) {
	cases := []struct {
		sniffed, name, declared string
		ok                      bool
	}{
		{"image/png", "photo.png", "image/png", true},
		{"image/png", "photo.jpg", "", false},
		{"image/jpeg", "IMG_0001.JPG", "image/jpeg", true},
		{"image/png", "", "image/jpeg", false},
		{"image/png", "blob", "application/octet-stream", true}, // generic types say nothing
		{"image/png", "", "", true},
		{"image/jpeg", "x.gif", "", false},
		{"text/plain; charset=utf-8", "notes.txt", "text/plain", true}, // not an image: Clean refuses it with its own reason
	}
	for _, c := range cases {
		if err := CheckDeclared(c.sniffed, c.name, c.declared); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c, err)
		}
	}
}
