import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeTopology } from './analyze';
it('dump', () => {
  for (const f of ['us-east-1','eu-west-1','awkward']) {
    const t = JSON.parse(readFileSync(`/tmp/atl/${f}.json`,'utf8'));
    const a = analyzeTopology(t, { gbPerMonth: 100 });
    const sn = new Map(t.subnets.map((s: any) => [s.id, s.name]));
    console.log('=====', f);
    for (const p of a.paths) if (['s3','dynamodb','kms','sts','ssm','logs'].includes(p.service)) console.log(String(sn.get(p.subnetId)).padEnd(26), p.service.padEnd(9), p.via.padEnd(28), p.routeDestination, p.hops.join('>'), '|', p.detail);
    for (const x of a.findings) console.log(x.severity.padEnd(6), x.rule.padEnd(32), x.title, '|', x.detail, '|', x.fix.text, x.fix.href);
    console.log(JSON.stringify(a.costs.vpcs.map(v => [v.vpcName, v.interfaceEndpointsMonthly, v.natGatewaysMonthly, v.totalMonthly, v.natSavingsMonthly])));
  }
});
