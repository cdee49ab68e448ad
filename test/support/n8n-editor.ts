// The decisions n8n's editor makes from a node description, restated for tests (no browser). Each
// function names the n8n source it follows; they are re-derived from reading it, not copied.
import type { INodeProperties, INodePropertyMode, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

/**
 * The parameter n8n folds into the credential box (editor-ui utils/nodeTypesUtils.ts: getNodeAuthFields,
 * getMainAuthField, findAlternativeAuthField). Candidates are the parameters named as keys of the
 * credentials' `displayOptions.show`; the one called `authentication` wins unless it offers "none";
 * otherwise the first candidate all of whose string option values appear in those show conditions.
 * ParameterInputList then hides that parameter, and every parameter the candidates' own show conditions
 * depend on (isAuthRelatedParameter).
 */
export function mainAuthField(description: INodeTypeDescription): INodeProperties | undefined {
	const shownFor: Record<string, string[]> = {};
	for (const credential of description.credentials ?? []) {
		for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			shownFor[name] = [...(shownFor[name] ?? []), ...(values ?? []).map((value) => String(value ?? ''))];
		}
	}
	const candidates = description.properties.filter((property) => property.name in shownFor);
	const named = candidates.find(
		(property) => property.name === 'authentication' && !(property.options ?? []).some((option) => 'value' in option && option.value === 'none'),
	);
	if (named) return named;
	return candidates.find((property) =>
		(property.options ?? []).every((option) => !('value' in option) || typeof option.value !== 'string' || shownFor[property.name].includes(option.value)),
	);
}

export function authRelatedParameters(description: INodeTypeDescription): string[] {
	const candidates = description.properties.filter((property) =>
		(description.credentials ?? []).some((credential) => property.name in (credential.displayOptions?.show ?? {})),
	);
	return [...new Set(candidates.flatMap((property) => Object.keys(property.displayOptions?.show ?? {})))];
}

export interface PickerAction {
	group: string;
	displayName: string;
	values: Record<string, unknown>;
}

/**
 * The node picker's actions for a node with resources (editor-ui nodeCreator composables/
 * useActionsGeneration.ts, resourceCategories, and useActions' getActionData for what a pick sets):
 * every option of every `resource` parameter, with the options of the first `operation` parameter
 * whose show conditions name that resource; the group is "<resource name> Actions", the entry the
 * option's `action`; a pick sets the operation and the first value of each show condition.
 */
export function pickerActions(description: INodeTypeDescription): PickerAction[] {
	const actions: PickerAction[] = [];
	for (const resourceProperty of description.properties.filter((property) => property.name === 'resource')) {
		for (const resource of (resourceProperty.options ?? []) as INodePropertyOptions[]) {
			const operations = description.properties.find(
				(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource.value),
			);
			for (const option of (operations?.options ?? []) as INodePropertyOptions[]) {
				const shown = Object.fromEntries(Object.entries(operations?.displayOptions?.show ?? {}).map(([key, values]) => [key, values?.[0]]));
				actions.push({
					group: `${resource.name} Actions`,
					displayName: option.action ?? `${resource.name} ${option.name}`,
					values: { ...shown, operation: option.value },
				});
			}
		}
	}
	return actions;
}

/** The label of a resource locator mode (editor-ui ResourceLocator.vue, getModeLabel): n8n's own for id, url and list. */
export function modeLabel(mode: INodePropertyMode): string {
	const own: Record<string, string> = { id: 'By ID', url: 'By URL', list: 'From list' };
	return own[mode.name] ?? mode.displayName;
}
