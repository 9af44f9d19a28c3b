package testkit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SharedSchemas is ../shared/schemas beside the repository (the official CDISC ODM and HL7 FHIR schemas), found
// from the test's working directory upwards.
func SharedSchemas(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if p := filepath.Join(d, "shared", "schemas"); isDir(p) {
			return p
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no shared/schemas above %s", dir)
		}
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// ValidateODM checks a CDISC ODM 1.3.2 document with xmllint against the official XSD, offline.
func ValidateODM(t testing.TB, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	require(t, "xmllint (Debian libxml2-utils; deploy/scripts/deps.sh test installs it)", err)
	file := filepath.Join(t.TempDir(), "odm.xml")
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	xsd := filepath.Join(SharedSchemas(t), "odm-1.3.2", "ODM1-3-2.xsd")
	if out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, file).CombinedOutput(); err != nil {
		t.Fatalf("ODM document does not validate against ODM1-3-2.xsd: %v\n%s", err, out)
	}
}

var fhir struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

// FHIRSchema is the official HL7 FHIR R4 JSON schema, compiled once per test binary.
func FHIRSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(SharedSchemas(t), "fhir-r4", "fhir.schema.json")
	fhir.once.Do(func() {
		raw, err := os.ReadFile(path)
		if err != nil {
			fhir.err = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			fhir.err = err
			return
		}
		c := jsonschema.NewCompiler()
		if fhir.err = c.AddResource("file:///fhir.schema.json", doc); fhir.err != nil {
			return
		}
		fhir.schema, fhir.err = c.Compile("file:///fhir.schema.json")
	})
	if fhir.err != nil {
		t.Fatalf("FHIR schema: %v", fhir.err)
	}
	return fhir.schema
}

// ValidateFHIR checks a FHIR R4 JSON resource against the official schema and returns the error (nil when valid).
func ValidateFHIR(t testing.TB, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return FHIRSchema(t).Validate(inst)
}
