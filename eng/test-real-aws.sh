#!/usr/bin/env bash
# The opt-in real-AWS lane: runs the smoke subset against AWS DynamoDB with the AWS SDK's default chain
# (AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and AWS_REGION). It creates tables with a unique
# prefix (efcore-dynamodb-smoke-...) on demand billing and deletes them afterwards. Everywhere else these tests are
# reported as skipped. Usage: AWS_REGION=eu-west-1 bash eng/test-real-aws.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export EFCORE_DYNAMODB_REAL_AWS=1
unset AWS_ENDPOINT_URL_DYNAMODB
dotnet build test/EFCore.DynamoDb.FunctionalTests -c Release --nologo -v quiet
dotnet test test/EFCore.DynamoDb.FunctionalTests -c Release --no-build --filter "FullyQualifiedName~RealAws" --logger "console;verbosity=normal"
