package reqbody

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"

	"github.com/openepro/epro/common/errs"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// MaxJSONBytes bounds the JSON body of every route that decodes with Parse.
const MaxJSONBytes = 64 << 10

// Validator is implemented by request types with rules beyond their field types (see internal/types/validate.go).
type Validator interface{ Validate() error }

// Parse fills req from the path, the query and, for POST/PUT/PATCH with a body, the JSON body, then runs its
// Validate method.
// Unlike httpx.Parse, errors name the field and the rule, and never quote the body.
func Parse(r *http.Request, req any) error {
	if err := httpx.ParsePath(r, req); err != nil {
		return errs.Invalid(errs.ReasonFieldFormat, "path parameters are not valid")
	}
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		// no body at all (Content-Length: 0): nothing to decode; Validate names any field that was required
		if hasJSONFields(req) && r.ContentLength != 0 {
			body, release, err := ReadJSON(r, MaxJSONBytes)
			if err != nil {
				return err
			}
			err = decode(body, req)
			release()
			if err != nil {
				return err
			}
		}
	default:
		if err := httpx.ParseForm(r, req); err != nil {
			return errs.Invalid(errs.ReasonFieldFormat, "query parameters are not valid")
		}
	}
	if v, ok := req.(Validator); ok {
		return v.Validate()
	}
	return nil
}

func decode(body []byte, req any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return errs.Invalid(errs.ReasonEmptyBody, "request body is empty: expected a JSON object")
	}
	if err := json.Unmarshal(body, req); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return errs.Invalid(errs.ReasonFieldType, "%s must be a %s", typeErr.Field, jsonKind(typeErr.Type))
		}
		var syntaxErr *json.SyntaxError
		if errors.As(err, &syntaxErr) {
			return errs.Invalid(errs.ReasonMalformedJSON, "request body is not valid JSON (error at byte %d)", syntaxErr.Offset)
		}
		return errs.Invalid(errs.ReasonMalformedJSON, "request body must be a JSON object")
	}
	return nil
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "list"
	}
	return "object"
}

func hasJSONFields(req any) bool {
	t := reflect.TypeOf(req)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := 0; i < t.NumField(); i++ {
		if _, ok := t.Field(i).Tag.Lookup("json"); ok {
			return true
		}
	}
	return false
}
