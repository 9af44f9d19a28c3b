// Package e2e holds the suite's end-to-end tests (see e2e_test.go); it has no non-test code.
package e2e
