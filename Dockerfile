# Builds a report in a container, for CI systems other than GitHub Actions:
#   docker build -t reportpress .
#   docker run --rm -v "$PWD/my-report:/content:ro" -v "$PWD/out:/out" reportpress build /content -o /out/report.pdf
# Everything the build needs (fonts, templates, the canvas and sharp binaries from npm) is inside the image;
# nothing is downloaded when a report is built.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Install first without running `prepare` (the compile step needs the sources, copied next), so this layer is
# reused while only sources change.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY . .
RUN node scripts/compile.mjs
ENV CI=true
ENTRYPOINT ["node", "/app/bin/reportpress.js"]
CMD ["build", "/content", "-o", "/out/report.pdf"]
