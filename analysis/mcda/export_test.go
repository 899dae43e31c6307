package mcda

// GonumEigen exposes the eigen decomposition fallback to the tests, which use
// it as an independent check of the power iteration.
var GonumEigen = gonumEigen
