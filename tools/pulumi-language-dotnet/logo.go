package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
)

// defaultLogoURL is the icon pkg v3.163.0's codegen/dotnet downloads (getLogo) into every SDK as logo.png, the NuGet
// package icon, when the schema names no logoUrl of its own.
const defaultLogoURL = "https://raw.githubusercontent.com/pulumi/pulumi/" +
	"dbc96206bec722b7791a22ff50e895ab7c0abdc0/sdk/dotnet/pulumi_logo_64x64.png"

// offlineDefaultLogo answers the default icon's download with a plain 64x64 square of Pulumi's purple, so that SDK
// generation neither needs GitHub (not reachable where this project builds) nor depends on it: the output is the
// same everywhere. Every other request, such as a schema's own logoUrl, goes to the network as before.
type offlineDefaultLogo struct {
	next http.RoundTripper
}

func (transport offlineDefaultLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.String() != defaultLogoURL {
		return transport.next.RoundTrip(req)
	}
	icon := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for x := range 64 {
		for y := range 64 {
			icon.Set(x, y, color.RGBA{R: 0x80, G: 0x5a, B: 0xc3, A: 0xff})
		}
	}
	var body bytes.Buffer
	if err := png.Encode(&body, icon); err != nil {
		return nil, err
	}
	return &http.Response{
		Status:        "200 OK",
		StatusCode:    http.StatusOK,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"image/png"}},
		Body:          io.NopCloser(&body),
		ContentLength: int64(body.Len()),
		Request:       req,
	}, nil
}
