import { type PlanContext, type PlanSlide, page, slide } from '../pages.js';
import { cvePages, factsPages, scalesPages } from './extras.js';
import { flowSlide } from './flows.js';
import { agendaPages, referencePages } from './lists.js';
import { narrativePages } from './narrative.js';
import { riskCounts, riskMatrices } from './risk.js';
import { scoreChartPages } from './scores.js';
import { attacksTable, changesTable, comparisonTable, defensesTable, systemsTable, verdictsTable } from './tables.js';
import { threatOverview, threatSlide } from './threats.js';

/** A part of the deck: what the agenda lists. */
interface Part {
  readonly title: string;
  /** One sentence for the divider that opens a long part. */
  readonly lead: string;
  readonly slides: readonly PlanSlide[];
}

/** A part that spans this many slides or more opens with a divider slide. */
const DIVIDER_FROM = 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function parts(ctx: PlanContext): Part[] {
  const c = ctx.comparison;
  const systems = plural(c.systems.length, 'system');
  const list: Part[] = [];
  const add = (title: string, lead: string, slides: (PlanSlide | undefined)[]) => {
    const present = slides.filter((s): s is PlanSlide => s !== undefined && s.pages.length > 0);
    if (present.length > 0) list.push({ title, lead, slides: present });
  };
  if (ctx.changes !== undefined) {
    const changes = ctx.changes;
    add(`Changes since version ${changes.fromVersion}`, '', [
      changes.changes.length > 0
        ? slide('changes', changesTable(ctx, changes))
        : slide(
            'changes',
            narrativePages(ctx, {
              title: `Changes since version ${changes.fromVersion}`,
              sources: [
                `No threat, rating, verdict, outcome or reference changed since version ${changes.fromVersion}.`,
              ],
            }),
          ),
    ]);
  }
  add('Summary', '', [
    slide(
      'summary',
      narrativePages(ctx, {
        title: 'Summary',
        path: ['summary'],
        sources:
          c.meta.ratingNote === undefined
            ? [c.meta.summary]
            : [c.meta.summary, '### About the ratings', c.meta.ratingNote],
      }),
    ),
  ]);
  c.sections.forEach((section, i) => {
    add(section.title, '', [
      slide(
        `section-${i + 1}`,
        narrativePages(ctx, { title: section.title, sources: [section.markdown], path: ['body', section.title] }),
      ),
    ]);
  });
  add('Systems compared', '', [slide('systems', systemsTable(ctx)), slide('facts', factsPages(ctx))]);
  add('Threat model', `${plural(c.threats.length, 'threat')}, each assessed for ${systems}.`, [
    slide('threats', threatOverview(ctx)),
    ...c.threats.map((t) => threatSlide(ctx, t)),
  ]);
  if (c.defenses.length > 0) add('Defense mechanisms', '', [slide('defenses', defensesTable(ctx))]);
  if (c.dimensions.length > 0) {
    add('Comparison', '', [slide('comparison', comparisonTable(ctx)), slide('scores', scoreChartPages(ctx))]);
  }
  if (c.attacks.length > 0) add('Potential defense against attacks', '', [slide('attacks', attacksTable(ctx))]);
  add('Risk overview', '', [slide('risk', riskCounts(ctx)), slide('matrices', riskMatrices(ctx))]);
  if (c.verdicts.length > 0) add('Which is better against what?', '', [slide('verdicts', verdictsTable(ctx))]);
  for (const flow of c.flows) {
    add(flow.title, '', [slide(`attack-flow-${flow.id}`, flowSlide(ctx, flow))]);
  }
  add('Appendix: scales and CVEs', '', [slide('scales', scalesPages(ctx)), slide('cves', cvePages(ctx))]);
  if (c.references.length > 0) add('References', '', [slide('references', referencePages(ctx))]);
  return list;
}

/** A divider lists at most this many slides of its part beside its title. */
const DIVIDER_CONTENTS = 8;

/**
 * The slide that opens a long part: its title and what follows. A part too long to list would get a slide
 * that only repeats the title of the slide after it: it gets none.
 */
function divider(ctx: PlanContext, part: Part, number: number): PlanSlide | undefined {
  // What follows, without a first slide that only repeats the part's title.
  const contents = part.slides
    .map((s) => s.pages[0]?.title)
    .filter((t) => t !== undefined && t.markdown !== part.title);
  if (contents.length === 0 || contents.length > DIVIDER_CONTENTS) return undefined;
  const data = { number, lead: part.lead, contents };
  return slide(`part-${number}`, [page(ctx, 'divider', part.title, data)]);
}

/** Every slide of the deck, in order: title, agenda, then each part of the comparison. */
export function planSlides(ctx: PlanContext): PlanSlide[] {
  const all = parts(ctx).map((part, i) => {
    const opening = part.slides.length >= DIVIDER_FROM ? divider(ctx, part, i + 1) : undefined;
    return { part, slides: opening === undefined ? [...part.slides] : [opening, ...part.slides] };
  });
  const agenda = agendaPages(
    ctx,
    all.map(({ part, slides }) => ({ title: part.title, href: `#/${slides[0]?.pages[0]?.id ?? ''}` })),
  );
  const m = ctx.comparison.meta;
  const title = page(ctx, 'title', m.title, {
    subtitle: m.subtitle === undefined ? undefined : ctx.text.inline(m.subtitle),
    version: m.versionLabel,
    date: m.date,
    authors: m.authors.map((a) => (a.role === undefined ? a.name : `${a.name} (${a.role})`)).join(', '),
    classification: m.classification,
    audience: m.audience,
  });
  return [slide('title', [title]), slide('agenda', agenda), ...all.flatMap((p) => p.slides)];
}
