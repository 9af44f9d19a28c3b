package migrate

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestStatements(t *testing.T) {
	got := Statements("-- comment\nCREATE TABLE a (\n  x int -- inline\n);\n\nALTER TABLE a ADD y int;\nINSERT INTO a VALUES (1)")
	want := []string{"CREATE TABLE a (\n  x int -- inline\n)", "ALTER TABLE a ADD y int", "INSERT INTO a VALUES (1)"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q", got)
	}
}

func TestLoadOrdersAndRejectsBadNames(t *testing.T) {
	ms, err := Load(fstest.MapFS{"0002_b.sql": {Data: []byte("B")}, "0001_a.sql": {Data: []byte("A")}, "README": {}})
	if err != nil || len(ms) != 2 || ms[0].Version != 1 || ms[1].Version != 2 || ms[0].Checksum == ms[1].Checksum {
		t.Fatalf("%+v %v", ms, err)
	}
	for _, bad := range []fstest.MapFS{
		{"init.sql": {}},
		{"0001_a.sql": {}, "1_b.sql": {}},
	} {
		if _, err := Load(bad); err == nil {
			t.Errorf("accepted %v", bad)
		}
	}
}
