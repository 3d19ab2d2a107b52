/**
 * Collects a source's contracts and refuses repeats: the same OCC symbol twice (a file joined with itself
 * would otherwise double every exposure). The first is kept; each repeat is refused with where the first
 * one was.
 *
 * Sources list each root's contracts of an expiry by strike (CBOE's CSV and JSON both; SPX and SPXW rows
 * interleave), so a repeat can only sit among the contracts of that root and expiry at the strike last
 * seen: that run is all that is compared. A full index of symbols is built only once some root and
 * expiry's strikes go backwards (a shuffled or joined file), so an ordinary chain costs no index at all.
 */
import type { OptionContract } from './model';

/** One root and expiry's place in the source: the strike last seen and the contracts given at it. */
interface StrikeRun {
  strike: number;
  /** Indexes into `contracts`. */
  members: number[];
}

export class ContractCollector {
  readonly contracts: OptionContract[] = [];
  /** Contracts refused as repeats. */
  repeats = 0;
  /** Where each kept contract came from (line number or record index), parallel to `contracts`. */
  private positions = new Int32Array(1024);
  /** Runs by root, then by expiry. */
  private readonly runs = new Map<string, Map<string, StrikeRun>>();
  private index: Map<string, number> | null = null;

  /** @param describe turns a position into words, e.g. 17 -> "line 17" */
  constructor(private readonly describe: (position: number) => string) {}

  /** Keeps the contract and returns null, or returns where the same symbol was first seen. */
  add(contract: OptionContract, position: number): string | null {
    const contracts = this.contracts;
    const at = contracts.length;
    if (this.index === null) {
      let byExpiry = this.runs.get(contract.root);
      if (byExpiry === undefined) this.runs.set(contract.root, (byExpiry = new Map<string, StrikeRun>()));
      const run = byExpiry.get(contract.expiry);
      if (run === undefined) {
        byExpiry.set(contract.expiry, { strike: contract.strike, members: [at] });
      } else if (contract.strike > run.strike) {
        run.strike = contract.strike;
        run.members.length = 0;
        run.members.push(at);
      } else if (contract.strike === run.strike) {
        for (const member of run.members) if (contracts[member].occ === contract.occ) return this.repeatOf(member);
        run.members.push(at);
      } else {
        this.buildIndex();
      }
    }
    if (this.index !== null) {
      const first = this.index.get(contract.occ);
      if (first !== undefined) return this.repeatOf(first);
      this.index.set(contract.occ, at);
    }
    if (at === this.positions.length) {
      const grown = new Int32Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[at] = position;
    contracts.push(contract);
    return null;
  }

  private repeatOf(first: number): string {
    this.repeats++;
    return this.describe(this.positions[first]);
  }

  /** The order broke: from now on every symbol is looked up in a full index. */
  private buildIndex(): void {
    const index = new Map<string, number>();
    this.contracts.forEach((kept, at) => {
      if (!index.has(kept.occ)) index.set(kept.occ, at);
    });
    this.index = index;
    this.runs.clear();
  }
}
