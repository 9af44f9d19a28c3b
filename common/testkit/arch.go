package testkit

import "runtime"

// goarch names the architecture for etcd's ETCD_UNSUPPORTED_ARCH check (needed on arm64 with etcd 3.4).
func goarch() string { return runtime.GOARCH }
