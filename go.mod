module zongjie

go 1.26.0

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/google/go-cmp v0.7.0
	golang.org/x/net v0.58.0
	golang.org/x/text v0.44.0
)

require github.com/andybalholm/cascadia v1.3.4 // indirect
