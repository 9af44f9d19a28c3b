// Package reqbody reads request bodies for handlers that decode JSON themselves: the content type must be JSON
// (415 otherwise) and the body must fit its limit (413 otherwise), both as the suite's error envelope.
package reqbody

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"sync"

	"github.com/openepro/epro/common/errs"
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// ReadJSON returns the body of a JSON request, at most limit bytes. The returned release func gives the buffer
// back for reuse; call it once the bytes are no longer needed.
func ReadJSON(r *http.Request, limit int64) ([]byte, func(), error) {
	if !isJSON(r.Header.Get("Content-Type")) {
		return nil, func() {}, errs.New(errs.KindUnsupportedMedia, errs.ReasonMediaType, "Content-Type must be application/json")
	}
	if r.ContentLength > limit {
		return nil, func() {}, tooLarge(limit)
	}
	bp := bufPool.Get().(*[]byte)
	buf := (*bp)[:0]
	release := func() {
		if cap(buf) <= 64<<10 {
			*bp = buf[:0]
			bufPool.Put(bp)
		}
	}
	lr := io.LimitedReader{R: r.Body, N: limit + 1}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			release()
			var maxErr *http.MaxBytesError
			if errors.As(err, &maxErr) {
				return nil, func() {}, tooLarge(limit)
			}
			return nil, func() {}, errs.Invalid(errs.ReasonMalformedJSON, "request body could not be read")
		}
	}
	if int64(len(buf)) > limit {
		release()
		return nil, func() {}, tooLarge(limit)
	}
	return buf, release, nil
}

func tooLarge(limit int64) error {
	return errs.New(errs.KindTooLarge, errs.ReasonBodyTooLarge, "request body must be at most %d bytes", limit)
}

func isJSON(ct string) bool {
	if ct == "application/json" || ct == "application/json; charset=utf-8" {
		return true // fast path for what clients send
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || len(mt) > 5 && mt[len(mt)-5:] == "+json")
}
