import { getPersona } from '@vocalia/agent';
import { cheapestPlanWith, planHasFeature, type AgentTool, type Feature, type Language, type PlanId, type ProblemField } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** The plan feature each agent tool needs. */
const TOOL_FEATURE: Record<AgentTool, Feature> = {
  booking: 'booking',
  lead_qualification: 'lead_scoring',
  handoff: 'human_handoff',
  catalog_lookup: 'product_catalog',
};

export interface AgentFields {
  personaId: string;
  languages: Language[];
  greeting: Partial<Record<Language, string>>;
  tools: AgentTool[];
}

/** Rules the schema alone cannot state: a known persona, greetings only in the agent's languages, tools the plan grants. */
export function checkAgentFields(plan: PlanId, fields: AgentFields): void {
  const errors: ProblemField[] = [];
  if (!getPersona(fields.personaId)) {
    errors.push({ path: 'body.personaId', message: `unknown persona "${fields.personaId}"; GET /api/v1/personas lists them`, rule: 'invalid_choice' });
  }
  for (const language of Object.keys(fields.greeting) as Language[]) {
    if (!fields.languages.includes(language)) {
      errors.push({ path: `body.greeting.${language}`, message: `greeting in ${language}, which is not one of the agent's languages`, rule: 'language_not_listed' });
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const missing = fields.tools.find((tool) => !planHasFeature(plan, TOOL_FEATURE[tool]));
  if (missing) {
    const feature = TOOL_FEATURE[missing];
    throw new AppError('PLAN_REQUIRED', `The ${missing} tool needs the ${feature} feature, not in your plan`, {
      feature,
      requiredPlan: cheapestPlanWith(feature),
    });
  }
}
