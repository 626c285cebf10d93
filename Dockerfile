# One image for the API and the worker (docker-compose.yml picks the command). Built as a wheel, so the image holds
# the installed package (with its cypher/ copy at service/cypher) and not the source tree.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
COPY ingest ./ingest
COPY cypher ./cypher
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels \
    && useradd --system --create-home --uid 10001 geokg
USER geokg
WORKDIR /home/geokg
EXPOSE 8000
CMD ["geokg", "serve", "--host", "0.0.0.0"]
