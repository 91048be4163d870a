# token-sandbox's standalone server in a container (docs/docker.md). From a checkout:
#   npm pack && docker build -t token-sandbox .
# The context needs only the tarball `npm pack` makes (.dockerignore lets nothing else in); the
# CLI in it is one prebuilt bundle, so the image needs no node_modules and no npm at run time.
# BASE_IMAGE: any image with Node 22.12+ as `node` on the PATH and a POSIX shell.
ARG BASE_IMAGE=node:24-slim

FROM ${BASE_IMAGE} AS unpack
# ADD unpacks a local tar archive: the package lands in /tmp/package.
ADD token-sandbox-*.tgz /tmp/
# Only what `serve` reads: bin/, the CLI bundle, the contracts it serves, package.json (--version).
RUN mkdir -p /opt/token-sandbox/dist /data \
 && cd /tmp/package \
 && cp -r bin contracts package.json /opt/token-sandbox/ \
 && cp dist/cli*.mjs /opt/token-sandbox/dist/

FROM ${BASE_IMAGE}
COPY --from=unpack /opt/token-sandbox /opt/token-sandbox
# The state volume belongs to the server's user; the code stays root's, read-only to it.
COPY --from=unpack --chown=10001:10001 /data /data
# Listen on every interface, so other containers reach it: the admin API (/__sandbox) then needs
# a token. Give it at run time (TOKEN_SANDBOX_ADMIN_TOKEN, or a secret file named by
# TOKEN_SANDBOX_ADMIN_TOKEN_FILE); without one, serve generates one and prints it once (docker logs).
ENV TOKEN_SANDBOX_HOST=0.0.0.0 \
    TOKEN_SANDBOX_PORT=4545 \
    TOKEN_SANDBOX_STATE=/data/sandbox.db \
    TOKEN_SANDBOX_LOG=json
USER 10001:10001
VOLUME /data
EXPOSE 4545
# `wait` reads the port and the admin token from the same variables as serve; a guarded server's
# 401 counts as up when no token was given.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "/opt/token-sandbox/bin/token-sandbox.js", "wait", "--timeout", "3", "--quiet"]
ENTRYPOINT ["node", "/opt/token-sandbox/bin/token-sandbox.js"]
CMD ["serve"]
