import type { FieldCrypto } from '../crypto/field-cipher.js';
import type { NewParty } from '../../storage/parties.repo.js';
import type { SubmitCaseInput } from '../../contract/cases.js';
import { phoneLast4 } from '../../core/party/mask.js';

type PartyInput = SubmitCaseInput['parties'][number];

const hashesOf = (crypto: FieldCrypto, p: PartyInput) => ({
  phoneHash: p.phone ? crypto.hash(p.phone) : null,
  idNumberHash: p.idNumber ? crypto.hash(p.idNumber) : null,
  // addresses differ only in case in practice; the prefix keeps this hash apart from the others
  emailHash: p.email ? crypto.hash(`email:${p.email.toLowerCase()}`) : null,
});

/** Encrypts each party's phone, ID number, address and e-mail and adds the keyed hashes used for matching. */
export function protectParties(crypto: FieldCrypto, caseId: number, parties: PartyInput[]): NewParty[] {
  return parties.map((p) => ({
    caseId,
    role: p.role,
    name: p.name,
    phoneEnc: p.phone ? crypto.encrypt(p.phone) : null,
    idNumberEnc: p.idNumber ? crypto.encrypt(p.idNumber.toUpperCase()) : null,
    addressEnc: p.address ? crypto.encrypt(p.address) : null,
    emailEnc: p.email ? crypto.encrypt(p.email) : null,
    ...hashesOf(crypto, p),
    // the resident's tracking lookup checks the code and these four digits together
    phoneLast4Hash: p.phone ? crypto.hash(`last4:${phoneLast4(p.phone)}`) : null,
  }));
}

/** The hashes of every phone, ID number and e-mail among the parties, for repeat-visit matching. */
export const contactHashes = (crypto: FieldCrypto, parties: PartyInput[]): string[] =>
  parties.flatMap((p) => Object.values(hashesOf(crypto, p))).filter((h): h is string => h !== null);
