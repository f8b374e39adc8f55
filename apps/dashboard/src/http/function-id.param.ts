import { BadRequestException } from '@nestjs/common';
import { MAX_FUNCTION_ID_LENGTH, parseFunctionId, type FunctionIdentity } from '@fleetscope/model';

/**
 * A function id from a path or query parameter, parsed; 400 naming the parameter when it is too
 * long or not `platform~account~region~name`.
 */
export function requireFunctionId(id: string, name = 'id'): FunctionIdentity {
  if (id.length > MAX_FUNCTION_ID_LENGTH) {
    throw new BadRequestException(
      `${name}: ${id.length} characters; function ids are at most ${MAX_FUNCTION_ID_LENGTH} characters`,
    );
  }
  const identity = parseFunctionId(id);
  if (!identity) {
    throw new BadRequestException(
      `${name}: "${id}" is not a function id (platform~account~region~name, as listed by GET /api/functions)`,
    );
  }
  return identity;
}
