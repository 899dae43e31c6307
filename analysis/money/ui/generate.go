package ui

//go:generate go run ./gen -data data -out tables.go
