import type { TypeMetadata } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { ValidationTypes, getMetadataStorage } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Condition = (object: object, value: unknown) => boolean;

interface ConstraintCheck {
  each: boolean;
  validator: ValidatorConstraintInterface;
  constraints: unknown[];
}

interface PropertyPlan {
  name: string;
  conditions: Condition[];
  checks: ConstraintCheck[];
  /** The plan of the class its objects turn into (`@ValidateNested` with `@Type`), if it has one. */
  nested: ClassPlan | null;
}

interface ClassPlan {
  targetName: string;
  properties: PropertyPlan[];
}

type PayloadClass = abstract new () => object;

/**
 * class-validator's own metadata for a contract class, gathered once into a plan that a parsed JSON
 * value can be checked against directly. `validateSync` looks a class's metadata up again for every
 * object it meets, scanning every class registered in the process, and `plainToInstance` copies the
 * whole payload first: together most of the cost of reading an event.
 *
 * The plan only says whether a payload is certainly valid. It runs the same validators, with the
 * same arguments and in the same conditions as class-validator would, on the JSON itself; a class
 * it cannot model (defaults set by its constructor, nested values without `@Type`, whitelists,
 * async validators) has no plan. Whatever the plan does not accept goes to class-validator, whose
 * verdict and messages are the ones reported.
 */
export function validationPlanOf(payloadClass: PayloadClass): ((json: object) => boolean) | null {
  const plan = planOrNull(payloadClass);
  if (!plan) return null;
  return (json) => {
    try {
      return satisfies(plan, json);
    } catch {
      // Nesting deeper than the stack, say: class-validator will judge.
      return false;
    }
  };
}

function planOrNull(payloadClass: PayloadClass): ClassPlan | null {
  try {
    return planOf(payloadClass, new Map());
  } catch {
    // A @Type function that needs the object it converts, say: class-validator will judge.
    return null;
  }
}

function planOf(
  payloadClass: PayloadClass,
  planned: Map<PayloadClass, ClassPlan | null>,
): ClassPlan | null {
  if (planned.has(payloadClass)) return planned.get(payloadClass) ?? null;
  // Filled in below; a class that refers to itself sees this same object.
  const plan: ClassPlan = { targetName: payloadClass.name, properties: [] };
  planned.set(payloadClass, plan);
  const built = buildPlan(payloadClass, plan, planned);
  planned.set(payloadClass, built);
  return built;
}

function buildPlan(
  payloadClass: PayloadClass,
  plan: ClassPlan,
  planned: Map<PayloadClass, ClassPlan | null>,
): ClassPlan | null {
  if (hasConstructorDefaults(payloadClass)) return null;
  const storage = getMetadataStorage();
  // The arguments validateSync passes when no groups are asked for.
  const metadatas = storage.getTargetValidationMetadatas(payloadClass, '', false, false);
  if (metadatas.length === 0) return null;
  const byProperty = storage.groupByPropertyName(metadatas);
  for (const [name, propertyMetadatas] of Object.entries(byProperty)) {
    const property = propertyPlanOf(payloadClass, name, propertyMetadatas, planned);
    if (!property) return null;
    plan.properties.push(property);
  }
  return plan;
}

function propertyPlanOf(
  payloadClass: PayloadClass,
  name: string,
  metadatas: ValidationMetadata[],
  planned: Map<PayloadClass, ClassPlan | null>,
): PropertyPlan | null {
  const property: PropertyPlan = { name, conditions: [], checks: [], nested: null };
  // class-validator runs IS_DEFINED first; here every check must pass, so the order does not matter.
  for (const metadata of metadatas) {
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        property.conditions.push(metadata.constraints[0] as Condition);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const checks = constraintChecksOf(metadata);
        if (!checks) return null;
        property.checks.push(...checks);
        break;
      }
      case ValidationTypes.NESTED_VALIDATION: {
        // Typed as always found; a property without @Type has none.
        const typed = defaultMetadataStorage.findTypeMetadata(payloadClass, name) as
          TypeMetadata | undefined;
        const nestedClass = typed?.typeFunction() as PayloadClass | undefined;
        const nested = nestedClass && !typed?.options.discriminator && planOf(nestedClass, planned);
        if (!nested) return null;
        property.nested = nested;
        break;
      }
      default:
        return null;
    }
  }
  return property;
}

function constraintChecksOf(metadata: ValidationMetadata): ConstraintCheck[] | null {
  if (metadata.validateIf) return null;
  const constraintMetadatas = getMetadataStorage().getTargetValidatorConstraints(
    metadata.constraintCls,
  );
  if (constraintMetadatas.some((constraint) => constraint.async)) return null;
  return constraintMetadatas.map((constraint) => ({
    each: metadata.each,
    validator: constraint.instance,
    constraints: metadata.constraints,
  }));
}

/**
 * plainToInstance starts from `new Class()`: a field it initialises would be there, not in the JSON.
 * Declared fields without an initialiser are own properties holding `undefined`, as absent ones read.
 */
function hasConstructorDefaults(payloadClass: PayloadClass): boolean {
  try {
    const instance = new (payloadClass as new () => object)();
    return Object.values(instance).some((value) => value !== undefined);
  } catch {
    return true;
  }
}

function satisfies(plan: ClassPlan, object: object): boolean {
  for (const property of plan.properties) {
    const value = (object as Record<string, unknown>)[property.name];
    if (!applies(property, object, value)) continue;
    for (const check of property.checks) {
      const args: ValidationArguments = {
        targetName: plan.targetName,
        property: property.name,
        object,
        value,
        constraints: check.constraints,
      };
      if (!passes(check, value, args)) return false;
    }
    if (property.nested && value !== undefined && !nestedSatisfies(property.nested, value)) {
      return false;
    }
  }
  return true;
}

/** `@IsOptional` and `@ValidateIf`: a property they skip is not checked at all. */
function applies(property: PropertyPlan, object: object, value: unknown): boolean {
  for (const condition of property.conditions) if (!condition(object, value)) return false;
  return true;
}

function passes(check: ConstraintCheck, value: unknown, args: ValidationArguments): boolean {
  if (!check.each || !Array.isArray(value)) return check.validator.validate(value, args) === true;
  for (const element of value) if (check.validator.validate(element, args) !== true) return false;
  return true;
}

/**
 * An object of the nested class, or an array of such values (class-transformer and class-validator
 * both descend into arrays within arrays); anything else is for class-validator.
 */
function nestedSatisfies(plan: ClassPlan, value: unknown): boolean {
  if (Array.isArray(value)) return value.every((element) => nestedSatisfies(plan, element));
  return typeof value === 'object' && value !== null && satisfies(plan, value);
}
