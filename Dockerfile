# syntax=docker/dockerfile:1
# Kolega: build the release binary, then run it in a small Debian image as an
# unprivileged user. Templates, Markdown pages, translations and migrations
# are compiled into the binary; only static/ is copied next to it.

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
# The cache mounts keep the crate registry and compiled dependencies between
# builds; the binary is copied out because the target directory is not kept
# in the image layer.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked \
    && install -m 0755 target/release/kolega /usr/local/bin/kolega

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    # pdftotext and unzip read the text of library files (src/library/extract),
    # so a word inside a PDF or a DOCX finds it.
    && apt-get install -y --no-install-recommends ca-certificates poppler-utils unzip \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system kolega \
    && useradd --system --gid kolega --home-dir /app --no-create-home --shell /usr/sbin/nologin kolega \
    && mkdir -p /app/data \
    && chown kolega:kolega /app/data
COPY --from=build /usr/local/bin/kolega /usr/local/bin/kolega
COPY static/ /app/static/
WORKDIR /app
ENV KOLEGA_BIND=0.0.0.0:8080 \
    KOLEGA_DATA_DIR=/app/data \
    KOLEGA_STATIC_DIR=/app/static
USER kolega
EXPOSE 8080
VOLUME ["/app/data"]
CMD ["kolega", "serve"]
