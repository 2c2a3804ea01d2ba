"""Pydantic models of the JSON bodies: request validation and the generated OpenAPI document.

The batch endpoint itself reads its gzip body by hand (speed, limits, signature over the raw
bytes); its response model is declared here for documentation only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Seq = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine code, e.g. bad_token, too_large")
    message: str = Field(description="English detail for people")


class ErrorBody(BaseModel):
    error: ErrorDetail


class LimitsModel(BaseModel):
    max_body_bytes: int = Field(description="largest request body (gzip batch, blob chunk)")
    max_uncompressed_bytes: int
    max_records: int = Field(description="most records in one batch")
    max_blob_bytes: int
    max_reconcile_ids: int


class SealingKey(BaseModel):
    alg: str
    public_key: str = Field(description="base64 raw X25519 public key")


class HelloModel(BaseModel):
    service: Literal["sala-central"]
    name: str
    server_id: str
    protocol: int
    limits: LimitsModel
    sealing_key: SealingKey
    signing_key: str = Field(description="base64 raw Ed25519 public key: the platform's "
                                         "identity, pinned by laptops")
    proof: str | None = Field(None, description="with ?nonce=: base64 Ed25519 signature of "
                                                "the hello statement (PROTOCOL.md)")


class ChallengeResponse(BaseModel):
    challenge: str = Field(description="sign it (see PROTOCOL.md, Enrollment); used once")
    expires_in: int = Field(description="seconds it stays valid")
    server_id: str


class EnrollRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=64)
    device_id: str = Field(max_length=64)
    name: str = Field(default="", max_length=200)
    public_key: str = Field(max_length=64, description="base64 raw Ed25519 public key")
    challenge: str = Field(max_length=128, description="from POST /v1/devices/challenge")
    signature: str = Field(max_length=128, description="base64 Ed25519 signature of the "
                           "enrollment statement by public_key's private key")


class EnrollResponse(BaseModel):
    device_id: str
    token: str = Field(description="bearer token; shown once, stored hashed by the server")
    server_id: str


class RecordResultModel(BaseModel):
    id: str
    status: Literal["accepted", "duplicate", "conflict", "rejected"]
    code: str | None = None
    reason: str | None = None


class BatchResultModel(BaseModel):
    protocol: int
    batch_id: str
    device_id: str
    counts: dict[str, int]
    results: list[RecordResultModel]
    high_water: int
    gaps: list[list[int]]
    missing_blobs: list[str]


class BlobStatus(BaseModel):
    sha256: str
    complete: bool
    offset: int


class ReconcileRequest(BaseModel):
    device_id: str = Field(max_length=64)
    ids: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list)
    hashes: list[Annotated[str, Field(max_length=64)]] | None = Field(
        default=None, description="optional record hashes, parallel to ids: an id held with "
        "another hash (or by another device) is then reported in differing_ids")
    ranges: list[tuple[Seq, Seq]] = Field(default_factory=list,
                                          description="inclusive [from, to] seq ranges, "
                                          "1 <= from <= to < 2**63; each counts its length "
                                          "toward max_reconcile_ids")


class ReconcileResponse(BaseModel):
    device_id: str
    missing_ids: list[str]
    missing_ranges: list[list[int]]
    differing_ids: list[str] = Field(description="ids held, but by another device or (when "
                                     "hashes were sent) with other content")
    high_water: int
    max_seq: int = Field(description="highest seq stored for the device (0 = none)")
    gaps: list[list[int]]


class CatalogResponse(BaseModel):
    since: int
    cursor: int = Field(description="pass as ?since= next time")
    topics: list[dict[str, object]]
    venues: list[dict[str, object]]
    guides: list[dict[str, object]]
