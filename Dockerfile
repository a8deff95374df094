# Multi-stage build: a static winnow binary on a minimal base, run as non-root.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/winnow ./cmd/winnow

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/winnow /usr/local/bin/winnow
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/winnow"]
