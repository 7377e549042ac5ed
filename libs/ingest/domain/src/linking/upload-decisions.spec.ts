import { fingerprintOf, lookupKeys } from './deal-fingerprint';
import { decideUploads } from './upload-decisions';
import type { StoredKnowledge, UploadToDecide } from './upload-decisions';

const framework = `United States-Japan Framework for Securing the Supply of Critical Minerals.
The United States and Japan intend to provide financing within six months to priority projects in
mining and processing of critical minerals and rare earths. Signed in Tokyo on October 28, 2025.
The United States and Japan will hold a ministerial meeting within 180 days.`;

const fisheries = `Coastal cooperatives from four northern provinces agreed to share quotas for cod and
haddock, pooling catch records in a registry that inspectors can audit at any landing site. The
cooperatives will elect a board of seven members within ninety days and publish catch figures.`;

/** An upload of `text`; `bytes` tells renderings of one text apart (their originals differ). */
function upload(text: string, bytes = text): UploadToDecide {
  const fingerprint = fingerprintOf(text);
  return {
    originalSha256: `original of ${bytes}`,
    textSha256: `text of ${text}`,
    fingerprint,
    keys: lookupKeys(fingerprint),
  };
}

const nothingStored: StoredKnowledge = { sameOriginal: null, sameText: null, candidates: [] };

function ids() {
  let next = 0;
  return () => `id-${++next}`;
}

describe('deciding uploads in a batch, each as if stored alone after the ones before it', () => {
  it('makes a new agreement of an upload the store knows nothing of', () => {
    expect(decideUploads([upload(framework)], [nothingStored], ids())).toEqual([
      { kind: 'new-agreement', agreementId: 'id-1', documentId: 'id-2' },
    ]);
  });

  it('answers with the stored agreement for the same original, keeping nothing', () => {
    const known = { ...nothingStored, sameOriginal: 'stored-agreement' };
    expect(decideUploads([upload(framework)], [known], ids())).toEqual([
      { kind: 'same-original', agreementId: 'stored-agreement' },
    ]);
  });

  it('keeps a new rendering of a stored text on its agreement', () => {
    const known = { ...nothingStored, sameText: 'stored-agreement' };
    expect(decideUploads([upload(framework, 'with CRLF')], [known], ids())).toEqual([
      { kind: 'identical-text', agreementId: 'stored-agreement', documentId: 'id-1' },
    ]);
  });

  it('links a report to the stored document of the same deal it matches', () => {
    const report = `Tokyo signing: the deal in full\n\n${framework}`;
    const known: StoredKnowledge = {
      ...nothingStored,
      candidates: [
        {
          documentId: 'stored-doc',
          agreementId: 'stored-agreement',
          fingerprint: fingerprintOf(framework),
        },
      ],
    };
    expect(decideUploads([upload(report)], [known], ids())).toEqual([
      expect.objectContaining({
        kind: 'near-duplicate',
        agreementId: 'stored-agreement',
        matchedDocumentId: 'stored-doc',
        documentId: 'id-1',
      }),
    ]);
  });

  it('answers copies of one new original in one batch with the agreement the first made', () => {
    const decisions = decideUploads(
      [upload(framework), upload(framework)],
      [nothingStored, nothingStored],
      ids(),
    );
    expect(decisions).toEqual([
      { kind: 'new-agreement', agreementId: 'id-1', documentId: 'id-2' },
      { kind: 'same-original', agreementId: 'id-1' },
    ]);
  });

  it('keeps a second rendering of a text new in the batch on the agreement the first made', () => {
    const decisions = decideUploads(
      [upload(framework), upload(framework, 'with CRLF')],
      [nothingStored, nothingStored],
      ids(),
    );
    expect(decisions[1]).toEqual({
      kind: 'identical-text',
      agreementId: 'id-1',
      documentId: 'id-3',
    });
  });

  it('links a second report of a deal new in the batch to the first report', () => {
    const decisions = decideUploads(
      [upload(`First outlet\n\n${framework}`), upload(`Second outlet\n\n${framework}`)],
      [nothingStored, nothingStored],
      ids(),
    );
    expect(decisions[1]).toEqual(
      expect.objectContaining({
        kind: 'near-duplicate',
        agreementId: 'id-1',
        matchedDocumentId: 'id-2',
      }),
    );
  });

  it('keeps unrelated uploads of one batch apart', () => {
    const decisions = decideUploads(
      [upload(framework), upload(fisheries)],
      [nothingStored, nothingStored],
      ids(),
    );
    expect(decisions.map((decision) => decision.kind)).toEqual(['new-agreement', 'new-agreement']);
    expect(new Set(decisions.map((decision) => decision.agreementId)).size).toBe(2);
  });
});
