// What the governance page shows of proposals, apart from the page so that it can be tested alone.

/** What a proposal would change, in a line. */
export function describeChange(p) {
  const c = p.change || {};
  switch (p.kind) {
    case 'classification': return c.add ? `add classification ${c.add}` : `remove classification ${c.remove}`;
    case 'owner': return [c.owners ? `owners: ${c.owners.join(', ')}` : '', c.stewards ? `stewards: ${c.stewards.join(', ')}` : '']
      .filter(Boolean).join('; ');
    case 'description': return `description: “${c.description}”`;
    case 'retention': return `retention rule ${c.id}: ${c.typeName || 'any type'} older than ${c.olderThan}`;
    case 'share': return `share with tenant ${c.grantee}`;
    default: return JSON.stringify(c);
  }
}
