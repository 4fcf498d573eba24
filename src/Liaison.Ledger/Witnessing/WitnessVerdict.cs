namespace Liaison.Ledger.Witnessing;

/// <summary>What a witness answered, with the HTTP status C2SP tlog-witness assigns to it.</summary>
public enum WitnessVerdict
{
    /// <summary>200: consistent; cosigned.</summary>
    Cosigned = 200,
    /// <summary>400: the old size is larger than the checkpoint (a rollback attempt) or the request is malformed.</summary>
    BadRequest = 400,
    /// <summary>403: no signature from the log's trusted key verifies.</summary>
    Forbidden = 403,
    /// <summary>404: the witness does not know this origin.</summary>
    UnknownOrigin = 404,
    /// <summary>409: the old size is not the size the witness last cosigned (see <see cref="WitnessResponse.LatestSize"/>), or the same size came with another root.</summary>
    Conflict = 409,
    /// <summary>422: the consistency proof does not verify.</summary>
    InconsistentProof = 422,
}
