// fastly provider docs/resources/service_vcl
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ServiceVclConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: ServiceVcl#activate (fastly provider docs/resources/service_vcl#activate)
  */
  readonly activate?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#comment (fastly provider docs/resources/service_vcl#comment)
  */
  readonly comment?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#default_host (fastly provider docs/resources/service_vcl#default_host)
  */
  readonly defaultHost?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#default_ttl (fastly provider docs/resources/service_vcl#default_ttl)
  */
  readonly defaultTtl?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#force_destroy (fastly provider docs/resources/service_vcl#force_destroy)
  */
  readonly forceDestroy?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#http3 (fastly provider docs/resources/service_vcl#http3)
  */
  readonly http3?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#id (fastly provider docs/resources/service_vcl#id)
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#reuse (fastly provider docs/resources/service_vcl#reuse)
  */
  readonly reuse?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#stage (fastly provider docs/resources/service_vcl#stage)
  */
  readonly stage?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#stale_if_error (fastly provider docs/resources/service_vcl#stale_if_error)
  */
  readonly staleIfError?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#stale_if_error_ttl (fastly provider docs/resources/service_vcl#stale_if_error_ttl)
  */
  readonly staleIfErrorTtl?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#version_comment (fastly provider docs/resources/service_vcl#version_comment)
  */
  readonly versionComment?: string;
  /**
  * acl block
  *
  * Docs at Terraform Registry: ServiceVcl#acl (fastly provider docs/resources/service_vcl#acl)
  */
  readonly acl?: ServiceVclAcl[] | cdktf.IResolvable;
  /**
  * backend block
  *
  * Docs at Terraform Registry: ServiceVcl#backend (fastly provider docs/resources/service_vcl#backend)
  */
  readonly backend?: ServiceVclBackend[] | cdktf.IResolvable;
  /**
  * cache_setting block
  *
  * Docs at Terraform Registry: ServiceVcl#cache_setting (fastly provider docs/resources/service_vcl#cache_setting)
  */
  readonly cacheSetting?: ServiceVclCacheSetting[] | cdktf.IResolvable;
  /**
  * condition block
  *
  * Docs at Terraform Registry: ServiceVcl#condition (fastly provider docs/resources/service_vcl#condition)
  */
  readonly condition?: ServiceVclCondition[] | cdktf.IResolvable;
  /**
  * dictionary block
  *
  * Docs at Terraform Registry: ServiceVcl#dictionary (fastly provider docs/resources/service_vcl#dictionary)
  */
  readonly dictionary?: ServiceVclDictionary[] | cdktf.IResolvable;
  /**
  * director block
  *
  * Docs at Terraform Registry: ServiceVcl#director (fastly provider docs/resources/service_vcl#director)
  */
  readonly director?: ServiceVclDirector[] | cdktf.IResolvable;
  /**
  * domain block
  *
  * Docs at Terraform Registry: ServiceVcl#domain (fastly provider docs/resources/service_vcl#domain)
  */
  readonly domain?: ServiceVclDomain[] | cdktf.IResolvable;
  /**
  * dynamicsnippet block
  *
  * Docs at Terraform Registry: ServiceVcl#dynamicsnippet (fastly provider docs/resources/service_vcl#dynamicsnippet)
  */
  readonly dynamicsnippet?: ServiceVclDynamicsnippet[] | cdktf.IResolvable;
  /**
  * gzip block
  *
  * Docs at Terraform Registry: ServiceVcl#gzip (fastly provider docs/resources/service_vcl#gzip)
  */
  readonly gzip?: ServiceVclGzip[] | cdktf.IResolvable;
  /**
  * header block
  *
  * Docs at Terraform Registry: ServiceVcl#header (fastly provider docs/resources/service_vcl#header)
  */
  readonly header?: ServiceVclHeader[] | cdktf.IResolvable;
  /**
  * healthcheck block
  *
  * Docs at Terraform Registry: ServiceVcl#healthcheck (fastly provider docs/resources/service_vcl#healthcheck)
  */
  readonly healthcheck?: ServiceVclHealthcheck[] | cdktf.IResolvable;
  /**
  * image_optimizer_default_settings block
  *
  * Docs at Terraform Registry: ServiceVcl#image_optimizer_default_settings (fastly provider docs/resources/service_vcl#image_optimizer_default_settings)
  */
  readonly imageOptimizerDefaultSettings?: ServiceVclImageOptimizerDefaultSettings;
  /**
  * product_enablement block
  *
  * Docs at Terraform Registry: ServiceVcl#product_enablement (fastly provider docs/resources/service_vcl#product_enablement)
  */
  readonly productEnablement?: ServiceVclProductEnablement;
  /**
  * rate_limiter block
  *
  * Docs at Terraform Registry: ServiceVcl#rate_limiter (fastly provider docs/resources/service_vcl#rate_limiter)
  */
  readonly rateLimiter?: ServiceVclRateLimiter[] | cdktf.IResolvable;
  /**
  * request_setting block
  *
  * Docs at Terraform Registry: ServiceVcl#request_setting (fastly provider docs/resources/service_vcl#request_setting)
  */
  readonly requestSetting?: ServiceVclRequestSetting[] | cdktf.IResolvable;
  /**
  * response_object block
  *
  * Docs at Terraform Registry: ServiceVcl#response_object (fastly provider docs/resources/service_vcl#response_object)
  */
  readonly responseObject?: ServiceVclResponseObject[] | cdktf.IResolvable;
  /**
  * snippet block
  *
  * Docs at Terraform Registry: ServiceVcl#snippet (fastly provider docs/resources/service_vcl#snippet)
  */
  readonly snippet?: ServiceVclSnippet[] | cdktf.IResolvable;
  /**
  * vcl block
  *
  * Docs at Terraform Registry: ServiceVcl#vcl (fastly provider docs/resources/service_vcl#vcl)
  */
  readonly vcl?: ServiceVclVcl[] | cdktf.IResolvable;
}
export interface ServiceVclAcl {
  /**
  * Docs at Terraform Registry: ServiceVcl#force_destroy (fastly provider docs/resources/service_vcl#force_destroy)
  */
  readonly forceDestroy?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
}

export function serviceVclAclToTerraform(struct?: ServiceVclAcl | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    force_destroy: cdktf.booleanToTerraform(struct!.forceDestroy),
    name: cdktf.stringToTerraform(struct!.name),
  }
}


export function serviceVclAclToHclTerraform(struct?: ServiceVclAcl | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    force_destroy: {
      value: cdktf.booleanToHclTerraform(struct!.forceDestroy),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclAclOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclAcl | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._forceDestroy !== undefined) {
      hasAnyValues = true;
      internalValueResult.forceDestroy = this._forceDestroy;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclAcl | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._forceDestroy = undefined;
      this._name = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._forceDestroy = value.forceDestroy;
      this._name = value.name;
    }
  }

  // acl_id - computed: true, optional: false, required: false
  public get aclId() {
    return this.getStringAttribute('acl_id');
  }

  // force_destroy - computed: false, optional: true, required: false
  private _forceDestroy?: boolean | cdktf.IResolvable; 
  public get forceDestroy() {
    return this.getBooleanAttribute('force_destroy');
  }
  public set forceDestroy(value: boolean | cdktf.IResolvable) {
    this._forceDestroy = value;
  }
  public resetForceDestroy() {
    this._forceDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceDestroyInput() {
    return this._forceDestroy;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }
}

export class ServiceVclAclList extends cdktf.ComplexList {
  public internalValue? : ServiceVclAcl[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclAclOutputReference {
    return new ServiceVclAclOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclBackend {
  /**
  * Docs at Terraform Registry: ServiceVcl#address (fastly provider docs/resources/service_vcl#address)
  */
  readonly address: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#auto_loadbalance (fastly provider docs/resources/service_vcl#auto_loadbalance)
  */
  readonly autoLoadbalance?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#between_bytes_timeout (fastly provider docs/resources/service_vcl#between_bytes_timeout)
  */
  readonly betweenBytesTimeout?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#connect_timeout (fastly provider docs/resources/service_vcl#connect_timeout)
  */
  readonly connectTimeout?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#error_threshold (fastly provider docs/resources/service_vcl#error_threshold)
  */
  readonly errorThreshold?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#first_byte_timeout (fastly provider docs/resources/service_vcl#first_byte_timeout)
  */
  readonly firstByteTimeout?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#healthcheck (fastly provider docs/resources/service_vcl#healthcheck)
  */
  readonly healthcheck?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#keepalive_time (fastly provider docs/resources/service_vcl#keepalive_time)
  */
  readonly keepaliveTime?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#max_conn (fastly provider docs/resources/service_vcl#max_conn)
  */
  readonly maxConn?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#max_lifetime (fastly provider docs/resources/service_vcl#max_lifetime)
  */
  readonly maxLifetime?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#max_tls_version (fastly provider docs/resources/service_vcl#max_tls_version)
  */
  readonly maxTlsVersion?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#max_use (fastly provider docs/resources/service_vcl#max_use)
  */
  readonly maxUse?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#min_tls_version (fastly provider docs/resources/service_vcl#min_tls_version)
  */
  readonly minTlsVersion?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#override_host (fastly provider docs/resources/service_vcl#override_host)
  */
  readonly overrideHost?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#port (fastly provider docs/resources/service_vcl#port)
  */
  readonly port?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#prefer_ipv6 (fastly provider docs/resources/service_vcl#prefer_ipv6)
  */
  readonly preferIpv6?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#request_condition (fastly provider docs/resources/service_vcl#request_condition)
  */
  readonly requestCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#share_key (fastly provider docs/resources/service_vcl#share_key)
  */
  readonly shareKey?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#shield (fastly provider docs/resources/service_vcl#shield)
  */
  readonly shield?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_ca_cert (fastly provider docs/resources/service_vcl#ssl_ca_cert)
  */
  readonly sslCaCert?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_cert_hostname (fastly provider docs/resources/service_vcl#ssl_cert_hostname)
  */
  readonly sslCertHostname?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_check_cert (fastly provider docs/resources/service_vcl#ssl_check_cert)
  */
  readonly sslCheckCert?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_ciphers (fastly provider docs/resources/service_vcl#ssl_ciphers)
  */
  readonly sslCiphers?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_client_cert (fastly provider docs/resources/service_vcl#ssl_client_cert)
  */
  readonly sslClientCert?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_client_key (fastly provider docs/resources/service_vcl#ssl_client_key)
  */
  readonly sslClientKey?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ssl_sni_hostname (fastly provider docs/resources/service_vcl#ssl_sni_hostname)
  */
  readonly sslSniHostname?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#use_ssl (fastly provider docs/resources/service_vcl#use_ssl)
  */
  readonly useSsl?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#weight (fastly provider docs/resources/service_vcl#weight)
  */
  readonly weight?: number;
}

export function serviceVclBackendToTerraform(struct?: ServiceVclBackend | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    address: cdktf.stringToTerraform(struct!.address),
    auto_loadbalance: cdktf.booleanToTerraform(struct!.autoLoadbalance),
    between_bytes_timeout: cdktf.numberToTerraform(struct!.betweenBytesTimeout),
    connect_timeout: cdktf.numberToTerraform(struct!.connectTimeout),
    error_threshold: cdktf.numberToTerraform(struct!.errorThreshold),
    first_byte_timeout: cdktf.numberToTerraform(struct!.firstByteTimeout),
    healthcheck: cdktf.stringToTerraform(struct!.healthcheck),
    keepalive_time: cdktf.numberToTerraform(struct!.keepaliveTime),
    max_conn: cdktf.numberToTerraform(struct!.maxConn),
    max_lifetime: cdktf.numberToTerraform(struct!.maxLifetime),
    max_tls_version: cdktf.stringToTerraform(struct!.maxTlsVersion),
    max_use: cdktf.numberToTerraform(struct!.maxUse),
    min_tls_version: cdktf.stringToTerraform(struct!.minTlsVersion),
    name: cdktf.stringToTerraform(struct!.name),
    override_host: cdktf.stringToTerraform(struct!.overrideHost),
    port: cdktf.numberToTerraform(struct!.port),
    prefer_ipv6: cdktf.booleanToTerraform(struct!.preferIpv6),
    request_condition: cdktf.stringToTerraform(struct!.requestCondition),
    share_key: cdktf.stringToTerraform(struct!.shareKey),
    shield: cdktf.stringToTerraform(struct!.shield),
    ssl_ca_cert: cdktf.stringToTerraform(struct!.sslCaCert),
    ssl_cert_hostname: cdktf.stringToTerraform(struct!.sslCertHostname),
    ssl_check_cert: cdktf.booleanToTerraform(struct!.sslCheckCert),
    ssl_ciphers: cdktf.stringToTerraform(struct!.sslCiphers),
    ssl_client_cert: cdktf.stringToTerraform(struct!.sslClientCert),
    ssl_client_key: cdktf.stringToTerraform(struct!.sslClientKey),
    ssl_sni_hostname: cdktf.stringToTerraform(struct!.sslSniHostname),
    use_ssl: cdktf.booleanToTerraform(struct!.useSsl),
    weight: cdktf.numberToTerraform(struct!.weight),
  }
}


export function serviceVclBackendToHclTerraform(struct?: ServiceVclBackend | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    address: {
      value: cdktf.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    auto_loadbalance: {
      value: cdktf.booleanToHclTerraform(struct!.autoLoadbalance),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    between_bytes_timeout: {
      value: cdktf.numberToHclTerraform(struct!.betweenBytesTimeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    connect_timeout: {
      value: cdktf.numberToHclTerraform(struct!.connectTimeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    error_threshold: {
      value: cdktf.numberToHclTerraform(struct!.errorThreshold),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    first_byte_timeout: {
      value: cdktf.numberToHclTerraform(struct!.firstByteTimeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    healthcheck: {
      value: cdktf.stringToHclTerraform(struct!.healthcheck),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    keepalive_time: {
      value: cdktf.numberToHclTerraform(struct!.keepaliveTime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_conn: {
      value: cdktf.numberToHclTerraform(struct!.maxConn),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_lifetime: {
      value: cdktf.numberToHclTerraform(struct!.maxLifetime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_tls_version: {
      value: cdktf.stringToHclTerraform(struct!.maxTlsVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    max_use: {
      value: cdktf.numberToHclTerraform(struct!.maxUse),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    min_tls_version: {
      value: cdktf.stringToHclTerraform(struct!.minTlsVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    override_host: {
      value: cdktf.stringToHclTerraform(struct!.overrideHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    port: {
      value: cdktf.numberToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    prefer_ipv6: {
      value: cdktf.booleanToHclTerraform(struct!.preferIpv6),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    request_condition: {
      value: cdktf.stringToHclTerraform(struct!.requestCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    share_key: {
      value: cdktf.stringToHclTerraform(struct!.shareKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    shield: {
      value: cdktf.stringToHclTerraform(struct!.shield),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_ca_cert: {
      value: cdktf.stringToHclTerraform(struct!.sslCaCert),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_cert_hostname: {
      value: cdktf.stringToHclTerraform(struct!.sslCertHostname),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_check_cert: {
      value: cdktf.booleanToHclTerraform(struct!.sslCheckCert),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    ssl_ciphers: {
      value: cdktf.stringToHclTerraform(struct!.sslCiphers),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_client_cert: {
      value: cdktf.stringToHclTerraform(struct!.sslClientCert),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_client_key: {
      value: cdktf.stringToHclTerraform(struct!.sslClientKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ssl_sni_hostname: {
      value: cdktf.stringToHclTerraform(struct!.sslSniHostname),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    use_ssl: {
      value: cdktf.booleanToHclTerraform(struct!.useSsl),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    weight: {
      value: cdktf.numberToHclTerraform(struct!.weight),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclBackendOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclBackend | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._address !== undefined) {
      hasAnyValues = true;
      internalValueResult.address = this._address;
    }
    if (this._autoLoadbalance !== undefined) {
      hasAnyValues = true;
      internalValueResult.autoLoadbalance = this._autoLoadbalance;
    }
    if (this._betweenBytesTimeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.betweenBytesTimeout = this._betweenBytesTimeout;
    }
    if (this._connectTimeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.connectTimeout = this._connectTimeout;
    }
    if (this._errorThreshold !== undefined) {
      hasAnyValues = true;
      internalValueResult.errorThreshold = this._errorThreshold;
    }
    if (this._firstByteTimeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.firstByteTimeout = this._firstByteTimeout;
    }
    if (this._healthcheck !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthcheck = this._healthcheck;
    }
    if (this._keepaliveTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.keepaliveTime = this._keepaliveTime;
    }
    if (this._maxConn !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxConn = this._maxConn;
    }
    if (this._maxLifetime !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxLifetime = this._maxLifetime;
    }
    if (this._maxTlsVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxTlsVersion = this._maxTlsVersion;
    }
    if (this._maxUse !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxUse = this._maxUse;
    }
    if (this._minTlsVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.minTlsVersion = this._minTlsVersion;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._overrideHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.overrideHost = this._overrideHost;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._preferIpv6 !== undefined) {
      hasAnyValues = true;
      internalValueResult.preferIpv6 = this._preferIpv6;
    }
    if (this._requestCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.requestCondition = this._requestCondition;
    }
    if (this._shareKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.shareKey = this._shareKey;
    }
    if (this._shield !== undefined) {
      hasAnyValues = true;
      internalValueResult.shield = this._shield;
    }
    if (this._sslCaCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCaCert = this._sslCaCert;
    }
    if (this._sslCertHostname !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCertHostname = this._sslCertHostname;
    }
    if (this._sslCheckCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCheckCert = this._sslCheckCert;
    }
    if (this._sslCiphers !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslCiphers = this._sslCiphers;
    }
    if (this._sslClientCert !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientCert = this._sslClientCert;
    }
    if (this._sslClientKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslClientKey = this._sslClientKey;
    }
    if (this._sslSniHostname !== undefined) {
      hasAnyValues = true;
      internalValueResult.sslSniHostname = this._sslSniHostname;
    }
    if (this._useSsl !== undefined) {
      hasAnyValues = true;
      internalValueResult.useSsl = this._useSsl;
    }
    if (this._weight !== undefined) {
      hasAnyValues = true;
      internalValueResult.weight = this._weight;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclBackend | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._address = undefined;
      this._autoLoadbalance = undefined;
      this._betweenBytesTimeout = undefined;
      this._connectTimeout = undefined;
      this._errorThreshold = undefined;
      this._firstByteTimeout = undefined;
      this._healthcheck = undefined;
      this._keepaliveTime = undefined;
      this._maxConn = undefined;
      this._maxLifetime = undefined;
      this._maxTlsVersion = undefined;
      this._maxUse = undefined;
      this._minTlsVersion = undefined;
      this._name = undefined;
      this._overrideHost = undefined;
      this._port = undefined;
      this._preferIpv6 = undefined;
      this._requestCondition = undefined;
      this._shareKey = undefined;
      this._shield = undefined;
      this._sslCaCert = undefined;
      this._sslCertHostname = undefined;
      this._sslCheckCert = undefined;
      this._sslCiphers = undefined;
      this._sslClientCert = undefined;
      this._sslClientKey = undefined;
      this._sslSniHostname = undefined;
      this._useSsl = undefined;
      this._weight = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._address = value.address;
      this._autoLoadbalance = value.autoLoadbalance;
      this._betweenBytesTimeout = value.betweenBytesTimeout;
      this._connectTimeout = value.connectTimeout;
      this._errorThreshold = value.errorThreshold;
      this._firstByteTimeout = value.firstByteTimeout;
      this._healthcheck = value.healthcheck;
      this._keepaliveTime = value.keepaliveTime;
      this._maxConn = value.maxConn;
      this._maxLifetime = value.maxLifetime;
      this._maxTlsVersion = value.maxTlsVersion;
      this._maxUse = value.maxUse;
      this._minTlsVersion = value.minTlsVersion;
      this._name = value.name;
      this._overrideHost = value.overrideHost;
      this._port = value.port;
      this._preferIpv6 = value.preferIpv6;
      this._requestCondition = value.requestCondition;
      this._shareKey = value.shareKey;
      this._shield = value.shield;
      this._sslCaCert = value.sslCaCert;
      this._sslCertHostname = value.sslCertHostname;
      this._sslCheckCert = value.sslCheckCert;
      this._sslCiphers = value.sslCiphers;
      this._sslClientCert = value.sslClientCert;
      this._sslClientKey = value.sslClientKey;
      this._sslSniHostname = value.sslSniHostname;
      this._useSsl = value.useSsl;
      this._weight = value.weight;
    }
  }

  // address - computed: false, optional: false, required: true
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // auto_loadbalance - computed: false, optional: true, required: false
  private _autoLoadbalance?: boolean | cdktf.IResolvable; 
  public get autoLoadbalance() {
    return this.getBooleanAttribute('auto_loadbalance');
  }
  public set autoLoadbalance(value: boolean | cdktf.IResolvable) {
    this._autoLoadbalance = value;
  }
  public resetAutoLoadbalance() {
    this._autoLoadbalance = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoLoadbalanceInput() {
    return this._autoLoadbalance;
  }

  // between_bytes_timeout - computed: false, optional: true, required: false
  private _betweenBytesTimeout?: number; 
  public get betweenBytesTimeout() {
    return this.getNumberAttribute('between_bytes_timeout');
  }
  public set betweenBytesTimeout(value: number) {
    this._betweenBytesTimeout = value;
  }
  public resetBetweenBytesTimeout() {
    this._betweenBytesTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get betweenBytesTimeoutInput() {
    return this._betweenBytesTimeout;
  }

  // connect_timeout - computed: false, optional: true, required: false
  private _connectTimeout?: number; 
  public get connectTimeout() {
    return this.getNumberAttribute('connect_timeout');
  }
  public set connectTimeout(value: number) {
    this._connectTimeout = value;
  }
  public resetConnectTimeout() {
    this._connectTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get connectTimeoutInput() {
    return this._connectTimeout;
  }

  // error_threshold - computed: false, optional: true, required: false
  private _errorThreshold?: number; 
  public get errorThreshold() {
    return this.getNumberAttribute('error_threshold');
  }
  public set errorThreshold(value: number) {
    this._errorThreshold = value;
  }
  public resetErrorThreshold() {
    this._errorThreshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get errorThresholdInput() {
    return this._errorThreshold;
  }

  // first_byte_timeout - computed: false, optional: true, required: false
  private _firstByteTimeout?: number; 
  public get firstByteTimeout() {
    return this.getNumberAttribute('first_byte_timeout');
  }
  public set firstByteTimeout(value: number) {
    this._firstByteTimeout = value;
  }
  public resetFirstByteTimeout() {
    this._firstByteTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get firstByteTimeoutInput() {
    return this._firstByteTimeout;
  }

  // healthcheck - computed: false, optional: true, required: false
  private _healthcheck?: string; 
  public get healthcheck() {
    return this.getStringAttribute('healthcheck');
  }
  public set healthcheck(value: string) {
    this._healthcheck = value;
  }
  public resetHealthcheck() {
    this._healthcheck = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthcheckInput() {
    return this._healthcheck;
  }

  // keepalive_time - computed: true, optional: true, required: false
  private _keepaliveTime?: number; 
  public get keepaliveTime() {
    return this.getNumberAttribute('keepalive_time');
  }
  public set keepaliveTime(value: number) {
    this._keepaliveTime = value;
  }
  public resetKeepaliveTime() {
    this._keepaliveTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keepaliveTimeInput() {
    return this._keepaliveTime;
  }

  // max_conn - computed: false, optional: true, required: false
  private _maxConn?: number; 
  public get maxConn() {
    return this.getNumberAttribute('max_conn');
  }
  public set maxConn(value: number) {
    this._maxConn = value;
  }
  public resetMaxConn() {
    this._maxConn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxConnInput() {
    return this._maxConn;
  }

  // max_lifetime - computed: false, optional: true, required: false
  private _maxLifetime?: number; 
  public get maxLifetime() {
    return this.getNumberAttribute('max_lifetime');
  }
  public set maxLifetime(value: number) {
    this._maxLifetime = value;
  }
  public resetMaxLifetime() {
    this._maxLifetime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxLifetimeInput() {
    return this._maxLifetime;
  }

  // max_tls_version - computed: false, optional: true, required: false
  private _maxTlsVersion?: string; 
  public get maxTlsVersion() {
    return this.getStringAttribute('max_tls_version');
  }
  public set maxTlsVersion(value: string) {
    this._maxTlsVersion = value;
  }
  public resetMaxTlsVersion() {
    this._maxTlsVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxTlsVersionInput() {
    return this._maxTlsVersion;
  }

  // max_use - computed: false, optional: true, required: false
  private _maxUse?: number; 
  public get maxUse() {
    return this.getNumberAttribute('max_use');
  }
  public set maxUse(value: number) {
    this._maxUse = value;
  }
  public resetMaxUse() {
    this._maxUse = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxUseInput() {
    return this._maxUse;
  }

  // min_tls_version - computed: false, optional: true, required: false
  private _minTlsVersion?: string; 
  public get minTlsVersion() {
    return this.getStringAttribute('min_tls_version');
  }
  public set minTlsVersion(value: string) {
    this._minTlsVersion = value;
  }
  public resetMinTlsVersion() {
    this._minTlsVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minTlsVersionInput() {
    return this._minTlsVersion;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // override_host - computed: false, optional: true, required: false
  private _overrideHost?: string; 
  public get overrideHost() {
    return this.getStringAttribute('override_host');
  }
  public set overrideHost(value: string) {
    this._overrideHost = value;
  }
  public resetOverrideHost() {
    this._overrideHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get overrideHostInput() {
    return this._overrideHost;
  }

  // port - computed: false, optional: true, required: false
  private _port?: number; 
  public get port() {
    return this.getNumberAttribute('port');
  }
  public set port(value: number) {
    this._port = value;
  }
  public resetPort() {
    this._port = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // prefer_ipv6 - computed: false, optional: true, required: false
  private _preferIpv6?: boolean | cdktf.IResolvable; 
  public get preferIpv6() {
    return this.getBooleanAttribute('prefer_ipv6');
  }
  public set preferIpv6(value: boolean | cdktf.IResolvable) {
    this._preferIpv6 = value;
  }
  public resetPreferIpv6() {
    this._preferIpv6 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get preferIpv6Input() {
    return this._preferIpv6;
  }

  // request_condition - computed: false, optional: true, required: false
  private _requestCondition?: string; 
  public get requestCondition() {
    return this.getStringAttribute('request_condition');
  }
  public set requestCondition(value: string) {
    this._requestCondition = value;
  }
  public resetRequestCondition() {
    this._requestCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestConditionInput() {
    return this._requestCondition;
  }

  // share_key - computed: false, optional: true, required: false
  private _shareKey?: string; 
  public get shareKey() {
    return this.getStringAttribute('share_key');
  }
  public set shareKey(value: string) {
    this._shareKey = value;
  }
  public resetShareKey() {
    this._shareKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get shareKeyInput() {
    return this._shareKey;
  }

  // shield - computed: false, optional: true, required: false
  private _shield?: string; 
  public get shield() {
    return this.getStringAttribute('shield');
  }
  public set shield(value: string) {
    this._shield = value;
  }
  public resetShield() {
    this._shield = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get shieldInput() {
    return this._shield;
  }

  // ssl_ca_cert - computed: false, optional: true, required: false
  private _sslCaCert?: string; 
  public get sslCaCert() {
    return this.getStringAttribute('ssl_ca_cert');
  }
  public set sslCaCert(value: string) {
    this._sslCaCert = value;
  }
  public resetSslCaCert() {
    this._sslCaCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCaCertInput() {
    return this._sslCaCert;
  }

  // ssl_cert_hostname - computed: false, optional: true, required: false
  private _sslCertHostname?: string; 
  public get sslCertHostname() {
    return this.getStringAttribute('ssl_cert_hostname');
  }
  public set sslCertHostname(value: string) {
    this._sslCertHostname = value;
  }
  public resetSslCertHostname() {
    this._sslCertHostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCertHostnameInput() {
    return this._sslCertHostname;
  }

  // ssl_check_cert - computed: false, optional: true, required: false
  private _sslCheckCert?: boolean | cdktf.IResolvable; 
  public get sslCheckCert() {
    return this.getBooleanAttribute('ssl_check_cert');
  }
  public set sslCheckCert(value: boolean | cdktf.IResolvable) {
    this._sslCheckCert = value;
  }
  public resetSslCheckCert() {
    this._sslCheckCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCheckCertInput() {
    return this._sslCheckCert;
  }

  // ssl_ciphers - computed: false, optional: true, required: false
  private _sslCiphers?: string; 
  public get sslCiphers() {
    return this.getStringAttribute('ssl_ciphers');
  }
  public set sslCiphers(value: string) {
    this._sslCiphers = value;
  }
  public resetSslCiphers() {
    this._sslCiphers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslCiphersInput() {
    return this._sslCiphers;
  }

  // ssl_client_cert - computed: false, optional: true, required: false
  private _sslClientCert?: string; 
  public get sslClientCert() {
    return this.getStringAttribute('ssl_client_cert');
  }
  public set sslClientCert(value: string) {
    this._sslClientCert = value;
  }
  public resetSslClientCert() {
    this._sslClientCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientCertInput() {
    return this._sslClientCert;
  }

  // ssl_client_key - computed: false, optional: true, required: false
  private _sslClientKey?: string; 
  public get sslClientKey() {
    return this.getStringAttribute('ssl_client_key');
  }
  public set sslClientKey(value: string) {
    this._sslClientKey = value;
  }
  public resetSslClientKey() {
    this._sslClientKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslClientKeyInput() {
    return this._sslClientKey;
  }

  // ssl_sni_hostname - computed: false, optional: true, required: false
  private _sslSniHostname?: string; 
  public get sslSniHostname() {
    return this.getStringAttribute('ssl_sni_hostname');
  }
  public set sslSniHostname(value: string) {
    this._sslSniHostname = value;
  }
  public resetSslSniHostname() {
    this._sslSniHostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sslSniHostnameInput() {
    return this._sslSniHostname;
  }

  // use_ssl - computed: false, optional: true, required: false
  private _useSsl?: boolean | cdktf.IResolvable; 
  public get useSsl() {
    return this.getBooleanAttribute('use_ssl');
  }
  public set useSsl(value: boolean | cdktf.IResolvable) {
    this._useSsl = value;
  }
  public resetUseSsl() {
    this._useSsl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get useSslInput() {
    return this._useSsl;
  }

  // weight - computed: false, optional: true, required: false
  private _weight?: number; 
  public get weight() {
    return this.getNumberAttribute('weight');
  }
  public set weight(value: number) {
    this._weight = value;
  }
  public resetWeight() {
    this._weight = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get weightInput() {
    return this._weight;
  }
}

export class ServiceVclBackendList extends cdktf.ComplexList {
  public internalValue? : ServiceVclBackend[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclBackendOutputReference {
    return new ServiceVclBackendOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclCacheSetting {
  /**
  * Docs at Terraform Registry: ServiceVcl#action (fastly provider docs/resources/service_vcl#action)
  */
  readonly action?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#cache_condition (fastly provider docs/resources/service_vcl#cache_condition)
  */
  readonly cacheCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#stale_ttl (fastly provider docs/resources/service_vcl#stale_ttl)
  */
  readonly staleTtl?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#ttl (fastly provider docs/resources/service_vcl#ttl)
  */
  readonly ttl?: number;
}

export function serviceVclCacheSettingToTerraform(struct?: ServiceVclCacheSetting | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    action: cdktf.stringToTerraform(struct!.action),
    cache_condition: cdktf.stringToTerraform(struct!.cacheCondition),
    name: cdktf.stringToTerraform(struct!.name),
    stale_ttl: cdktf.numberToTerraform(struct!.staleTtl),
    ttl: cdktf.numberToTerraform(struct!.ttl),
  }
}


export function serviceVclCacheSettingToHclTerraform(struct?: ServiceVclCacheSetting | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    action: {
      value: cdktf.stringToHclTerraform(struct!.action),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    cache_condition: {
      value: cdktf.stringToHclTerraform(struct!.cacheCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    stale_ttl: {
      value: cdktf.numberToHclTerraform(struct!.staleTtl),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    ttl: {
      value: cdktf.numberToHclTerraform(struct!.ttl),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclCacheSettingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclCacheSetting | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._action !== undefined) {
      hasAnyValues = true;
      internalValueResult.action = this._action;
    }
    if (this._cacheCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.cacheCondition = this._cacheCondition;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._staleTtl !== undefined) {
      hasAnyValues = true;
      internalValueResult.staleTtl = this._staleTtl;
    }
    if (this._ttl !== undefined) {
      hasAnyValues = true;
      internalValueResult.ttl = this._ttl;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclCacheSetting | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._action = undefined;
      this._cacheCondition = undefined;
      this._name = undefined;
      this._staleTtl = undefined;
      this._ttl = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._action = value.action;
      this._cacheCondition = value.cacheCondition;
      this._name = value.name;
      this._staleTtl = value.staleTtl;
      this._ttl = value.ttl;
    }
  }

  // action - computed: false, optional: true, required: false
  private _action?: string; 
  public get action() {
    return this.getStringAttribute('action');
  }
  public set action(value: string) {
    this._action = value;
  }
  public resetAction() {
    this._action = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get actionInput() {
    return this._action;
  }

  // cache_condition - computed: false, optional: true, required: false
  private _cacheCondition?: string; 
  public get cacheCondition() {
    return this.getStringAttribute('cache_condition');
  }
  public set cacheCondition(value: string) {
    this._cacheCondition = value;
  }
  public resetCacheCondition() {
    this._cacheCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheConditionInput() {
    return this._cacheCondition;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // stale_ttl - computed: false, optional: true, required: false
  private _staleTtl?: number; 
  public get staleTtl() {
    return this.getNumberAttribute('stale_ttl');
  }
  public set staleTtl(value: number) {
    this._staleTtl = value;
  }
  public resetStaleTtl() {
    this._staleTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get staleTtlInput() {
    return this._staleTtl;
  }

  // ttl - computed: false, optional: true, required: false
  private _ttl?: number; 
  public get ttl() {
    return this.getNumberAttribute('ttl');
  }
  public set ttl(value: number) {
    this._ttl = value;
  }
  public resetTtl() {
    this._ttl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ttlInput() {
    return this._ttl;
  }
}

export class ServiceVclCacheSettingList extends cdktf.ComplexList {
  public internalValue? : ServiceVclCacheSetting[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclCacheSettingOutputReference {
    return new ServiceVclCacheSettingOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclCondition {
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#priority (fastly provider docs/resources/service_vcl#priority)
  */
  readonly priority?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#statement (fastly provider docs/resources/service_vcl#statement)
  */
  readonly statement: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#type (fastly provider docs/resources/service_vcl#type)
  */
  readonly type: string;
}

export function serviceVclConditionToTerraform(struct?: ServiceVclCondition | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    name: cdktf.stringToTerraform(struct!.name),
    priority: cdktf.numberToTerraform(struct!.priority),
    statement: cdktf.stringToTerraform(struct!.statement),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function serviceVclConditionToHclTerraform(struct?: ServiceVclCondition | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    statement: {
      value: cdktf.stringToHclTerraform(struct!.statement),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclConditionOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclCondition | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._statement !== undefined) {
      hasAnyValues = true;
      internalValueResult.statement = this._statement;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclCondition | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._priority = undefined;
      this._statement = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._priority = value.priority;
      this._statement = value.statement;
      this._type = value.type;
    }
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // priority - computed: false, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // statement - computed: false, optional: false, required: true
  private _statement?: string; 
  public get statement() {
    return this.getStringAttribute('statement');
  }
  public set statement(value: string) {
    this._statement = value;
  }
  // Temporarily expose input value. Use with caution.
  public get statementInput() {
    return this._statement;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ServiceVclConditionList extends cdktf.ComplexList {
  public internalValue? : ServiceVclCondition[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclConditionOutputReference {
    return new ServiceVclConditionOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclDictionary {
  /**
  * Docs at Terraform Registry: ServiceVcl#force_destroy (fastly provider docs/resources/service_vcl#force_destroy)
  */
  readonly forceDestroy?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#write_only (fastly provider docs/resources/service_vcl#write_only)
  */
  readonly writeOnly?: boolean | cdktf.IResolvable;
}

export function serviceVclDictionaryToTerraform(struct?: ServiceVclDictionary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    force_destroy: cdktf.booleanToTerraform(struct!.forceDestroy),
    name: cdktf.stringToTerraform(struct!.name),
    write_only: cdktf.booleanToTerraform(struct!.writeOnly),
  }
}


export function serviceVclDictionaryToHclTerraform(struct?: ServiceVclDictionary | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    force_destroy: {
      value: cdktf.booleanToHclTerraform(struct!.forceDestroy),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    write_only: {
      value: cdktf.booleanToHclTerraform(struct!.writeOnly),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclDictionaryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclDictionary | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._forceDestroy !== undefined) {
      hasAnyValues = true;
      internalValueResult.forceDestroy = this._forceDestroy;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._writeOnly !== undefined) {
      hasAnyValues = true;
      internalValueResult.writeOnly = this._writeOnly;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclDictionary | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._forceDestroy = undefined;
      this._name = undefined;
      this._writeOnly = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._forceDestroy = value.forceDestroy;
      this._name = value.name;
      this._writeOnly = value.writeOnly;
    }
  }

  // dictionary_id - computed: true, optional: false, required: false
  public get dictionaryId() {
    return this.getStringAttribute('dictionary_id');
  }

  // force_destroy - computed: false, optional: true, required: false
  private _forceDestroy?: boolean | cdktf.IResolvable; 
  public get forceDestroy() {
    return this.getBooleanAttribute('force_destroy');
  }
  public set forceDestroy(value: boolean | cdktf.IResolvable) {
    this._forceDestroy = value;
  }
  public resetForceDestroy() {
    this._forceDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceDestroyInput() {
    return this._forceDestroy;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // write_only - computed: false, optional: true, required: false
  private _writeOnly?: boolean | cdktf.IResolvable; 
  public get writeOnly() {
    return this.getBooleanAttribute('write_only');
  }
  public set writeOnly(value: boolean | cdktf.IResolvable) {
    this._writeOnly = value;
  }
  public resetWriteOnly() {
    this._writeOnly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeOnlyInput() {
    return this._writeOnly;
  }
}

export class ServiceVclDictionaryList extends cdktf.ComplexList {
  public internalValue? : ServiceVclDictionary[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclDictionaryOutputReference {
    return new ServiceVclDictionaryOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclDirector {
  /**
  * Docs at Terraform Registry: ServiceVcl#backends (fastly provider docs/resources/service_vcl#backends)
  */
  readonly backends: string[];
  /**
  * Docs at Terraform Registry: ServiceVcl#comment (fastly provider docs/resources/service_vcl#comment)
  */
  readonly comment?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#quorum (fastly provider docs/resources/service_vcl#quorum)
  */
  readonly quorum?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#retries (fastly provider docs/resources/service_vcl#retries)
  */
  readonly retries?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#shield (fastly provider docs/resources/service_vcl#shield)
  */
  readonly shield?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#type (fastly provider docs/resources/service_vcl#type)
  */
  readonly type?: number;
}

export function serviceVclDirectorToTerraform(struct?: ServiceVclDirector | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    backends: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.backends),
    comment: cdktf.stringToTerraform(struct!.comment),
    name: cdktf.stringToTerraform(struct!.name),
    quorum: cdktf.numberToTerraform(struct!.quorum),
    retries: cdktf.numberToTerraform(struct!.retries),
    shield: cdktf.stringToTerraform(struct!.shield),
    type: cdktf.numberToTerraform(struct!.type),
  }
}


export function serviceVclDirectorToHclTerraform(struct?: ServiceVclDirector | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    backends: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.backends),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    comment: {
      value: cdktf.stringToHclTerraform(struct!.comment),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    quorum: {
      value: cdktf.numberToHclTerraform(struct!.quorum),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    retries: {
      value: cdktf.numberToHclTerraform(struct!.retries),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    shield: {
      value: cdktf.stringToHclTerraform(struct!.shield),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.numberToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclDirectorOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclDirector | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._backends !== undefined) {
      hasAnyValues = true;
      internalValueResult.backends = this._backends;
    }
    if (this._comment !== undefined) {
      hasAnyValues = true;
      internalValueResult.comment = this._comment;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._quorum !== undefined) {
      hasAnyValues = true;
      internalValueResult.quorum = this._quorum;
    }
    if (this._retries !== undefined) {
      hasAnyValues = true;
      internalValueResult.retries = this._retries;
    }
    if (this._shield !== undefined) {
      hasAnyValues = true;
      internalValueResult.shield = this._shield;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclDirector | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._backends = undefined;
      this._comment = undefined;
      this._name = undefined;
      this._quorum = undefined;
      this._retries = undefined;
      this._shield = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._backends = value.backends;
      this._comment = value.comment;
      this._name = value.name;
      this._quorum = value.quorum;
      this._retries = value.retries;
      this._shield = value.shield;
      this._type = value.type;
    }
  }

  // backends - computed: false, optional: false, required: true
  private _backends?: string[]; 
  public get backends() {
    return cdktf.Fn.tolist(this.getListAttribute('backends'));
  }
  public set backends(value: string[]) {
    this._backends = value;
  }
  // Temporarily expose input value. Use with caution.
  public get backendsInput() {
    return this._backends;
  }

  // comment - computed: false, optional: true, required: false
  private _comment?: string; 
  public get comment() {
    return this.getStringAttribute('comment');
  }
  public set comment(value: string) {
    this._comment = value;
  }
  public resetComment() {
    this._comment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commentInput() {
    return this._comment;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // quorum - computed: false, optional: true, required: false
  private _quorum?: number; 
  public get quorum() {
    return this.getNumberAttribute('quorum');
  }
  public set quorum(value: number) {
    this._quorum = value;
  }
  public resetQuorum() {
    this._quorum = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get quorumInput() {
    return this._quorum;
  }

  // retries - computed: false, optional: true, required: false
  private _retries?: number; 
  public get retries() {
    return this.getNumberAttribute('retries');
  }
  public set retries(value: number) {
    this._retries = value;
  }
  public resetRetries() {
    this._retries = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get retriesInput() {
    return this._retries;
  }

  // shield - computed: false, optional: true, required: false
  private _shield?: string; 
  public get shield() {
    return this.getStringAttribute('shield');
  }
  public set shield(value: string) {
    this._shield = value;
  }
  public resetShield() {
    this._shield = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get shieldInput() {
    return this._shield;
  }

  // type - computed: false, optional: true, required: false
  private _type?: number; 
  public get type() {
    return this.getNumberAttribute('type');
  }
  public set type(value: number) {
    this._type = value;
  }
  public resetType() {
    this._type = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ServiceVclDirectorList extends cdktf.ComplexList {
  public internalValue? : ServiceVclDirector[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclDirectorOutputReference {
    return new ServiceVclDirectorOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclDomain {
  /**
  * Docs at Terraform Registry: ServiceVcl#comment (fastly provider docs/resources/service_vcl#comment)
  */
  readonly comment?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
}

export function serviceVclDomainToTerraform(struct?: ServiceVclDomain | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    comment: cdktf.stringToTerraform(struct!.comment),
    name: cdktf.stringToTerraform(struct!.name),
  }
}


export function serviceVclDomainToHclTerraform(struct?: ServiceVclDomain | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    comment: {
      value: cdktf.stringToHclTerraform(struct!.comment),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclDomainOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclDomain | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._comment !== undefined) {
      hasAnyValues = true;
      internalValueResult.comment = this._comment;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclDomain | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._comment = undefined;
      this._name = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._comment = value.comment;
      this._name = value.name;
    }
  }

  // comment - computed: false, optional: true, required: false
  private _comment?: string; 
  public get comment() {
    return this.getStringAttribute('comment');
  }
  public set comment(value: string) {
    this._comment = value;
  }
  public resetComment() {
    this._comment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commentInput() {
    return this._comment;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }
}

export class ServiceVclDomainList extends cdktf.ComplexList {
  public internalValue? : ServiceVclDomain[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclDomainOutputReference {
    return new ServiceVclDomainOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclDynamicsnippet {
  /**
  * Docs at Terraform Registry: ServiceVcl#content (fastly provider docs/resources/service_vcl#content)
  */
  readonly content?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#priority (fastly provider docs/resources/service_vcl#priority)
  */
  readonly priority?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#type (fastly provider docs/resources/service_vcl#type)
  */
  readonly type: string;
}

export function serviceVclDynamicsnippetToTerraform(struct?: ServiceVclDynamicsnippet | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    content: cdktf.stringToTerraform(struct!.content),
    name: cdktf.stringToTerraform(struct!.name),
    priority: cdktf.numberToTerraform(struct!.priority),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function serviceVclDynamicsnippetToHclTerraform(struct?: ServiceVclDynamicsnippet | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclDynamicsnippetOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclDynamicsnippet | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclDynamicsnippet | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._content = undefined;
      this._name = undefined;
      this._priority = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._content = value.content;
      this._name = value.name;
      this._priority = value.priority;
      this._type = value.type;
    }
  }

  // content - computed: false, optional: true, required: false
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  public resetContent() {
    this._content = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // priority - computed: false, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // snippet_id - computed: true, optional: false, required: false
  public get snippetId() {
    return this.getStringAttribute('snippet_id');
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ServiceVclDynamicsnippetList extends cdktf.ComplexList {
  public internalValue? : ServiceVclDynamicsnippet[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclDynamicsnippetOutputReference {
    return new ServiceVclDynamicsnippetOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclGzip {
  /**
  * Docs at Terraform Registry: ServiceVcl#cache_condition (fastly provider docs/resources/service_vcl#cache_condition)
  */
  readonly cacheCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#content_types (fastly provider docs/resources/service_vcl#content_types)
  */
  readonly contentTypes?: string[];
  /**
  * Docs at Terraform Registry: ServiceVcl#extensions (fastly provider docs/resources/service_vcl#extensions)
  */
  readonly extensions?: string[];
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
}

export function serviceVclGzipToTerraform(struct?: ServiceVclGzip | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    cache_condition: cdktf.stringToTerraform(struct!.cacheCondition),
    content_types: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.contentTypes),
    extensions: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.extensions),
    name: cdktf.stringToTerraform(struct!.name),
  }
}


export function serviceVclGzipToHclTerraform(struct?: ServiceVclGzip | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    cache_condition: {
      value: cdktf.stringToHclTerraform(struct!.cacheCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    content_types: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.contentTypes),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    extensions: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.extensions),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclGzipOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclGzip | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._cacheCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.cacheCondition = this._cacheCondition;
    }
    if (this._contentTypes !== undefined) {
      hasAnyValues = true;
      internalValueResult.contentTypes = this._contentTypes;
    }
    if (this._extensions !== undefined) {
      hasAnyValues = true;
      internalValueResult.extensions = this._extensions;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclGzip | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._cacheCondition = undefined;
      this._contentTypes = undefined;
      this._extensions = undefined;
      this._name = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._cacheCondition = value.cacheCondition;
      this._contentTypes = value.contentTypes;
      this._extensions = value.extensions;
      this._name = value.name;
    }
  }

  // cache_condition - computed: false, optional: true, required: false
  private _cacheCondition?: string; 
  public get cacheCondition() {
    return this.getStringAttribute('cache_condition');
  }
  public set cacheCondition(value: string) {
    this._cacheCondition = value;
  }
  public resetCacheCondition() {
    this._cacheCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheConditionInput() {
    return this._cacheCondition;
  }

  // content_types - computed: false, optional: true, required: false
  private _contentTypes?: string[]; 
  public get contentTypes() {
    return this.getListAttribute('content_types');
  }
  public set contentTypes(value: string[]) {
    this._contentTypes = value;
  }
  public resetContentTypes() {
    this._contentTypes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contentTypesInput() {
    return this._contentTypes;
  }

  // extensions - computed: false, optional: true, required: false
  private _extensions?: string[]; 
  public get extensions() {
    return this.getListAttribute('extensions');
  }
  public set extensions(value: string[]) {
    this._extensions = value;
  }
  public resetExtensions() {
    this._extensions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extensionsInput() {
    return this._extensions;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }
}

export class ServiceVclGzipList extends cdktf.ComplexList {
  public internalValue? : ServiceVclGzip[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclGzipOutputReference {
    return new ServiceVclGzipOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclHeader {
  /**
  * Docs at Terraform Registry: ServiceVcl#action (fastly provider docs/resources/service_vcl#action)
  */
  readonly action: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#cache_condition (fastly provider docs/resources/service_vcl#cache_condition)
  */
  readonly cacheCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#destination (fastly provider docs/resources/service_vcl#destination)
  */
  readonly destination: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#ignore_if_set (fastly provider docs/resources/service_vcl#ignore_if_set)
  */
  readonly ignoreIfSet?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#priority (fastly provider docs/resources/service_vcl#priority)
  */
  readonly priority?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#regex (fastly provider docs/resources/service_vcl#regex)
  */
  readonly regex?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#request_condition (fastly provider docs/resources/service_vcl#request_condition)
  */
  readonly requestCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#response_condition (fastly provider docs/resources/service_vcl#response_condition)
  */
  readonly responseCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#source (fastly provider docs/resources/service_vcl#source)
  */
  readonly source?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#substitution (fastly provider docs/resources/service_vcl#substitution)
  */
  readonly substitution?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#type (fastly provider docs/resources/service_vcl#type)
  */
  readonly type: string;
}

export function serviceVclHeaderToTerraform(struct?: ServiceVclHeader | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    action: cdktf.stringToTerraform(struct!.action),
    cache_condition: cdktf.stringToTerraform(struct!.cacheCondition),
    destination: cdktf.stringToTerraform(struct!.destination),
    ignore_if_set: cdktf.booleanToTerraform(struct!.ignoreIfSet),
    name: cdktf.stringToTerraform(struct!.name),
    priority: cdktf.numberToTerraform(struct!.priority),
    regex: cdktf.stringToTerraform(struct!.regex),
    request_condition: cdktf.stringToTerraform(struct!.requestCondition),
    response_condition: cdktf.stringToTerraform(struct!.responseCondition),
    source: cdktf.stringToTerraform(struct!.source),
    substitution: cdktf.stringToTerraform(struct!.substitution),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function serviceVclHeaderToHclTerraform(struct?: ServiceVclHeader | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    action: {
      value: cdktf.stringToHclTerraform(struct!.action),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    cache_condition: {
      value: cdktf.stringToHclTerraform(struct!.cacheCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    destination: {
      value: cdktf.stringToHclTerraform(struct!.destination),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ignore_if_set: {
      value: cdktf.booleanToHclTerraform(struct!.ignoreIfSet),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    regex: {
      value: cdktf.stringToHclTerraform(struct!.regex),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    request_condition: {
      value: cdktf.stringToHclTerraform(struct!.requestCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    response_condition: {
      value: cdktf.stringToHclTerraform(struct!.responseCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    source: {
      value: cdktf.stringToHclTerraform(struct!.source),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    substitution: {
      value: cdktf.stringToHclTerraform(struct!.substitution),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclHeaderOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclHeader | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._action !== undefined) {
      hasAnyValues = true;
      internalValueResult.action = this._action;
    }
    if (this._cacheCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.cacheCondition = this._cacheCondition;
    }
    if (this._destination !== undefined) {
      hasAnyValues = true;
      internalValueResult.destination = this._destination;
    }
    if (this._ignoreIfSet !== undefined) {
      hasAnyValues = true;
      internalValueResult.ignoreIfSet = this._ignoreIfSet;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._regex !== undefined) {
      hasAnyValues = true;
      internalValueResult.regex = this._regex;
    }
    if (this._requestCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.requestCondition = this._requestCondition;
    }
    if (this._responseCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.responseCondition = this._responseCondition;
    }
    if (this._source !== undefined) {
      hasAnyValues = true;
      internalValueResult.source = this._source;
    }
    if (this._substitution !== undefined) {
      hasAnyValues = true;
      internalValueResult.substitution = this._substitution;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclHeader | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._action = undefined;
      this._cacheCondition = undefined;
      this._destination = undefined;
      this._ignoreIfSet = undefined;
      this._name = undefined;
      this._priority = undefined;
      this._regex = undefined;
      this._requestCondition = undefined;
      this._responseCondition = undefined;
      this._source = undefined;
      this._substitution = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._action = value.action;
      this._cacheCondition = value.cacheCondition;
      this._destination = value.destination;
      this._ignoreIfSet = value.ignoreIfSet;
      this._name = value.name;
      this._priority = value.priority;
      this._regex = value.regex;
      this._requestCondition = value.requestCondition;
      this._responseCondition = value.responseCondition;
      this._source = value.source;
      this._substitution = value.substitution;
      this._type = value.type;
    }
  }

  // action - computed: false, optional: false, required: true
  private _action?: string; 
  public get action() {
    return this.getStringAttribute('action');
  }
  public set action(value: string) {
    this._action = value;
  }
  // Temporarily expose input value. Use with caution.
  public get actionInput() {
    return this._action;
  }

  // cache_condition - computed: false, optional: true, required: false
  private _cacheCondition?: string; 
  public get cacheCondition() {
    return this.getStringAttribute('cache_condition');
  }
  public set cacheCondition(value: string) {
    this._cacheCondition = value;
  }
  public resetCacheCondition() {
    this._cacheCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheConditionInput() {
    return this._cacheCondition;
  }

  // destination - computed: false, optional: false, required: true
  private _destination?: string; 
  public get destination() {
    return this.getStringAttribute('destination');
  }
  public set destination(value: string) {
    this._destination = value;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationInput() {
    return this._destination;
  }

  // ignore_if_set - computed: false, optional: true, required: false
  private _ignoreIfSet?: boolean | cdktf.IResolvable; 
  public get ignoreIfSet() {
    return this.getBooleanAttribute('ignore_if_set');
  }
  public set ignoreIfSet(value: boolean | cdktf.IResolvable) {
    this._ignoreIfSet = value;
  }
  public resetIgnoreIfSet() {
    this._ignoreIfSet = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ignoreIfSetInput() {
    return this._ignoreIfSet;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // priority - computed: false, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // regex - computed: true, optional: true, required: false
  private _regex?: string; 
  public get regex() {
    return this.getStringAttribute('regex');
  }
  public set regex(value: string) {
    this._regex = value;
  }
  public resetRegex() {
    this._regex = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regexInput() {
    return this._regex;
  }

  // request_condition - computed: false, optional: true, required: false
  private _requestCondition?: string; 
  public get requestCondition() {
    return this.getStringAttribute('request_condition');
  }
  public set requestCondition(value: string) {
    this._requestCondition = value;
  }
  public resetRequestCondition() {
    this._requestCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestConditionInput() {
    return this._requestCondition;
  }

  // response_condition - computed: false, optional: true, required: false
  private _responseCondition?: string; 
  public get responseCondition() {
    return this.getStringAttribute('response_condition');
  }
  public set responseCondition(value: string) {
    this._responseCondition = value;
  }
  public resetResponseCondition() {
    this._responseCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get responseConditionInput() {
    return this._responseCondition;
  }

  // source - computed: true, optional: true, required: false
  private _source?: string; 
  public get source() {
    return this.getStringAttribute('source');
  }
  public set source(value: string) {
    this._source = value;
  }
  public resetSource() {
    this._source = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceInput() {
    return this._source;
  }

  // substitution - computed: true, optional: true, required: false
  private _substitution?: string; 
  public get substitution() {
    return this.getStringAttribute('substitution');
  }
  public set substitution(value: string) {
    this._substitution = value;
  }
  public resetSubstitution() {
    this._substitution = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get substitutionInput() {
    return this._substitution;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ServiceVclHeaderList extends cdktf.ComplexList {
  public internalValue? : ServiceVclHeader[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclHeaderOutputReference {
    return new ServiceVclHeaderOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclHealthcheck {
  /**
  * Docs at Terraform Registry: ServiceVcl#check_interval (fastly provider docs/resources/service_vcl#check_interval)
  */
  readonly checkInterval?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#expected_response (fastly provider docs/resources/service_vcl#expected_response)
  */
  readonly expectedResponse?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#headers (fastly provider docs/resources/service_vcl#headers)
  */
  readonly headers?: string[];
  /**
  * Docs at Terraform Registry: ServiceVcl#host (fastly provider docs/resources/service_vcl#host)
  */
  readonly host: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#http_version (fastly provider docs/resources/service_vcl#http_version)
  */
  readonly httpVersion?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#initial (fastly provider docs/resources/service_vcl#initial)
  */
  readonly initial?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#method (fastly provider docs/resources/service_vcl#method)
  */
  readonly method?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#path (fastly provider docs/resources/service_vcl#path)
  */
  readonly path: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#threshold (fastly provider docs/resources/service_vcl#threshold)
  */
  readonly threshold?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#timeout (fastly provider docs/resources/service_vcl#timeout)
  */
  readonly timeout?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#window (fastly provider docs/resources/service_vcl#window)
  */
  readonly window?: number;
}

export function serviceVclHealthcheckToTerraform(struct?: ServiceVclHealthcheck | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    check_interval: cdktf.numberToTerraform(struct!.checkInterval),
    expected_response: cdktf.numberToTerraform(struct!.expectedResponse),
    headers: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.headers),
    host: cdktf.stringToTerraform(struct!.host),
    http_version: cdktf.stringToTerraform(struct!.httpVersion),
    initial: cdktf.numberToTerraform(struct!.initial),
    method: cdktf.stringToTerraform(struct!.method),
    name: cdktf.stringToTerraform(struct!.name),
    path: cdktf.stringToTerraform(struct!.path),
    threshold: cdktf.numberToTerraform(struct!.threshold),
    timeout: cdktf.numberToTerraform(struct!.timeout),
    window: cdktf.numberToTerraform(struct!.window),
  }
}


export function serviceVclHealthcheckToHclTerraform(struct?: ServiceVclHealthcheck | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    check_interval: {
      value: cdktf.numberToHclTerraform(struct!.checkInterval),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    expected_response: {
      value: cdktf.numberToHclTerraform(struct!.expectedResponse),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    headers: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.headers),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    host: {
      value: cdktf.stringToHclTerraform(struct!.host),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    http_version: {
      value: cdktf.stringToHclTerraform(struct!.httpVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    initial: {
      value: cdktf.numberToHclTerraform(struct!.initial),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    method: {
      value: cdktf.stringToHclTerraform(struct!.method),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    threshold: {
      value: cdktf.numberToHclTerraform(struct!.threshold),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    timeout: {
      value: cdktf.numberToHclTerraform(struct!.timeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    window: {
      value: cdktf.numberToHclTerraform(struct!.window),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclHealthcheckOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclHealthcheck | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._checkInterval !== undefined) {
      hasAnyValues = true;
      internalValueResult.checkInterval = this._checkInterval;
    }
    if (this._expectedResponse !== undefined) {
      hasAnyValues = true;
      internalValueResult.expectedResponse = this._expectedResponse;
    }
    if (this._headers !== undefined) {
      hasAnyValues = true;
      internalValueResult.headers = this._headers;
    }
    if (this._host !== undefined) {
      hasAnyValues = true;
      internalValueResult.host = this._host;
    }
    if (this._httpVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.httpVersion = this._httpVersion;
    }
    if (this._initial !== undefined) {
      hasAnyValues = true;
      internalValueResult.initial = this._initial;
    }
    if (this._method !== undefined) {
      hasAnyValues = true;
      internalValueResult.method = this._method;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._threshold !== undefined) {
      hasAnyValues = true;
      internalValueResult.threshold = this._threshold;
    }
    if (this._timeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.timeout = this._timeout;
    }
    if (this._window !== undefined) {
      hasAnyValues = true;
      internalValueResult.window = this._window;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclHealthcheck | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._checkInterval = undefined;
      this._expectedResponse = undefined;
      this._headers = undefined;
      this._host = undefined;
      this._httpVersion = undefined;
      this._initial = undefined;
      this._method = undefined;
      this._name = undefined;
      this._path = undefined;
      this._threshold = undefined;
      this._timeout = undefined;
      this._window = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._checkInterval = value.checkInterval;
      this._expectedResponse = value.expectedResponse;
      this._headers = value.headers;
      this._host = value.host;
      this._httpVersion = value.httpVersion;
      this._initial = value.initial;
      this._method = value.method;
      this._name = value.name;
      this._path = value.path;
      this._threshold = value.threshold;
      this._timeout = value.timeout;
      this._window = value.window;
    }
  }

  // check_interval - computed: false, optional: true, required: false
  private _checkInterval?: number; 
  public get checkInterval() {
    return this.getNumberAttribute('check_interval');
  }
  public set checkInterval(value: number) {
    this._checkInterval = value;
  }
  public resetCheckInterval() {
    this._checkInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get checkIntervalInput() {
    return this._checkInterval;
  }

  // expected_response - computed: false, optional: true, required: false
  private _expectedResponse?: number; 
  public get expectedResponse() {
    return this.getNumberAttribute('expected_response');
  }
  public set expectedResponse(value: number) {
    this._expectedResponse = value;
  }
  public resetExpectedResponse() {
    this._expectedResponse = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get expectedResponseInput() {
    return this._expectedResponse;
  }

  // headers - computed: false, optional: true, required: false
  private _headers?: string[]; 
  public get headers() {
    return cdktf.Fn.tolist(this.getListAttribute('headers'));
  }
  public set headers(value: string[]) {
    this._headers = value;
  }
  public resetHeaders() {
    this._headers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get headersInput() {
    return this._headers;
  }

  // host - computed: false, optional: false, required: true
  private _host?: string; 
  public get host() {
    return this.getStringAttribute('host');
  }
  public set host(value: string) {
    this._host = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // http_version - computed: false, optional: true, required: false
  private _httpVersion?: string; 
  public get httpVersion() {
    return this.getStringAttribute('http_version');
  }
  public set httpVersion(value: string) {
    this._httpVersion = value;
  }
  public resetHttpVersion() {
    this._httpVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get httpVersionInput() {
    return this._httpVersion;
  }

  // initial - computed: false, optional: true, required: false
  private _initial?: number; 
  public get initial() {
    return this.getNumberAttribute('initial');
  }
  public set initial(value: number) {
    this._initial = value;
  }
  public resetInitial() {
    this._initial = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get initialInput() {
    return this._initial;
  }

  // method - computed: false, optional: true, required: false
  private _method?: string; 
  public get method() {
    return this.getStringAttribute('method');
  }
  public set method(value: string) {
    this._method = value;
  }
  public resetMethod() {
    this._method = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get methodInput() {
    return this._method;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // threshold - computed: false, optional: true, required: false
  private _threshold?: number; 
  public get threshold() {
    return this.getNumberAttribute('threshold');
  }
  public set threshold(value: number) {
    this._threshold = value;
  }
  public resetThreshold() {
    this._threshold = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get thresholdInput() {
    return this._threshold;
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // window - computed: false, optional: true, required: false
  private _window?: number; 
  public get window() {
    return this.getNumberAttribute('window');
  }
  public set window(value: number) {
    this._window = value;
  }
  public resetWindow() {
    this._window = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get windowInput() {
    return this._window;
  }
}

export class ServiceVclHealthcheckList extends cdktf.ComplexList {
  public internalValue? : ServiceVclHealthcheck[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclHealthcheckOutputReference {
    return new ServiceVclHealthcheckOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclImageOptimizerDefaultSettings {
  /**
  * Docs at Terraform Registry: ServiceVcl#allow_video (fastly provider docs/resources/service_vcl#allow_video)
  */
  readonly allowVideo?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#jpeg_quality (fastly provider docs/resources/service_vcl#jpeg_quality)
  */
  readonly jpegQuality?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#jpeg_type (fastly provider docs/resources/service_vcl#jpeg_type)
  */
  readonly jpegType?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#resize_filter (fastly provider docs/resources/service_vcl#resize_filter)
  */
  readonly resizeFilter?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#upscale (fastly provider docs/resources/service_vcl#upscale)
  */
  readonly upscale?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#webp (fastly provider docs/resources/service_vcl#webp)
  */
  readonly webp?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#webp_quality (fastly provider docs/resources/service_vcl#webp_quality)
  */
  readonly webpQuality?: number;
}

export function serviceVclImageOptimizerDefaultSettingsToTerraform(struct?: ServiceVclImageOptimizerDefaultSettingsOutputReference | ServiceVclImageOptimizerDefaultSettings): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    allow_video: cdktf.booleanToTerraform(struct!.allowVideo),
    jpeg_quality: cdktf.numberToTerraform(struct!.jpegQuality),
    jpeg_type: cdktf.stringToTerraform(struct!.jpegType),
    name: cdktf.stringToTerraform(struct!.name),
    resize_filter: cdktf.stringToTerraform(struct!.resizeFilter),
    upscale: cdktf.booleanToTerraform(struct!.upscale),
    webp: cdktf.booleanToTerraform(struct!.webp),
    webp_quality: cdktf.numberToTerraform(struct!.webpQuality),
  }
}


export function serviceVclImageOptimizerDefaultSettingsToHclTerraform(struct?: ServiceVclImageOptimizerDefaultSettingsOutputReference | ServiceVclImageOptimizerDefaultSettings): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    allow_video: {
      value: cdktf.booleanToHclTerraform(struct!.allowVideo),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    jpeg_quality: {
      value: cdktf.numberToHclTerraform(struct!.jpegQuality),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    jpeg_type: {
      value: cdktf.stringToHclTerraform(struct!.jpegType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    resize_filter: {
      value: cdktf.stringToHclTerraform(struct!.resizeFilter),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    upscale: {
      value: cdktf.booleanToHclTerraform(struct!.upscale),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    webp: {
      value: cdktf.booleanToHclTerraform(struct!.webp),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    webp_quality: {
      value: cdktf.numberToHclTerraform(struct!.webpQuality),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclImageOptimizerDefaultSettingsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclImageOptimizerDefaultSettings | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._allowVideo !== undefined) {
      hasAnyValues = true;
      internalValueResult.allowVideo = this._allowVideo;
    }
    if (this._jpegQuality !== undefined) {
      hasAnyValues = true;
      internalValueResult.jpegQuality = this._jpegQuality;
    }
    if (this._jpegType !== undefined) {
      hasAnyValues = true;
      internalValueResult.jpegType = this._jpegType;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._resizeFilter !== undefined) {
      hasAnyValues = true;
      internalValueResult.resizeFilter = this._resizeFilter;
    }
    if (this._upscale !== undefined) {
      hasAnyValues = true;
      internalValueResult.upscale = this._upscale;
    }
    if (this._webp !== undefined) {
      hasAnyValues = true;
      internalValueResult.webp = this._webp;
    }
    if (this._webpQuality !== undefined) {
      hasAnyValues = true;
      internalValueResult.webpQuality = this._webpQuality;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclImageOptimizerDefaultSettings | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._allowVideo = undefined;
      this._jpegQuality = undefined;
      this._jpegType = undefined;
      this._name = undefined;
      this._resizeFilter = undefined;
      this._upscale = undefined;
      this._webp = undefined;
      this._webpQuality = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._allowVideo = value.allowVideo;
      this._jpegQuality = value.jpegQuality;
      this._jpegType = value.jpegType;
      this._name = value.name;
      this._resizeFilter = value.resizeFilter;
      this._upscale = value.upscale;
      this._webp = value.webp;
      this._webpQuality = value.webpQuality;
    }
  }

  // allow_video - computed: false, optional: true, required: false
  private _allowVideo?: boolean | cdktf.IResolvable; 
  public get allowVideo() {
    return this.getBooleanAttribute('allow_video');
  }
  public set allowVideo(value: boolean | cdktf.IResolvable) {
    this._allowVideo = value;
  }
  public resetAllowVideo() {
    this._allowVideo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowVideoInput() {
    return this._allowVideo;
  }

  // jpeg_quality - computed: false, optional: true, required: false
  private _jpegQuality?: number; 
  public get jpegQuality() {
    return this.getNumberAttribute('jpeg_quality');
  }
  public set jpegQuality(value: number) {
    this._jpegQuality = value;
  }
  public resetJpegQuality() {
    this._jpegQuality = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jpegQualityInput() {
    return this._jpegQuality;
  }

  // jpeg_type - computed: false, optional: true, required: false
  private _jpegType?: string; 
  public get jpegType() {
    return this.getStringAttribute('jpeg_type');
  }
  public set jpegType(value: string) {
    this._jpegType = value;
  }
  public resetJpegType() {
    this._jpegType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jpegTypeInput() {
    return this._jpegType;
  }

  // name - computed: false, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // resize_filter - computed: false, optional: true, required: false
  private _resizeFilter?: string; 
  public get resizeFilter() {
    return this.getStringAttribute('resize_filter');
  }
  public set resizeFilter(value: string) {
    this._resizeFilter = value;
  }
  public resetResizeFilter() {
    this._resizeFilter = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get resizeFilterInput() {
    return this._resizeFilter;
  }

  // upscale - computed: false, optional: true, required: false
  private _upscale?: boolean | cdktf.IResolvable; 
  public get upscale() {
    return this.getBooleanAttribute('upscale');
  }
  public set upscale(value: boolean | cdktf.IResolvable) {
    this._upscale = value;
  }
  public resetUpscale() {
    this._upscale = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get upscaleInput() {
    return this._upscale;
  }

  // webp - computed: false, optional: true, required: false
  private _webp?: boolean | cdktf.IResolvable; 
  public get webp() {
    return this.getBooleanAttribute('webp');
  }
  public set webp(value: boolean | cdktf.IResolvable) {
    this._webp = value;
  }
  public resetWebp() {
    this._webp = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get webpInput() {
    return this._webp;
  }

  // webp_quality - computed: false, optional: true, required: false
  private _webpQuality?: number; 
  public get webpQuality() {
    return this.getNumberAttribute('webp_quality');
  }
  public set webpQuality(value: number) {
    this._webpQuality = value;
  }
  public resetWebpQuality() {
    this._webpQuality = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get webpQualityInput() {
    return this._webpQuality;
  }
}
export interface ServiceVclProductEnablementBotManagement {
  /**
  * Docs at Terraform Registry: ServiceVcl#contentguard (fastly provider docs/resources/service_vcl#contentguard)
  */
  readonly contentguard: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#enabled (fastly provider docs/resources/service_vcl#enabled)
  */
  readonly enabled: boolean | cdktf.IResolvable;
}

export function serviceVclProductEnablementBotManagementToTerraform(struct?: ServiceVclProductEnablementBotManagementOutputReference | ServiceVclProductEnablementBotManagement): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    contentguard: cdktf.stringToTerraform(struct!.contentguard),
    enabled: cdktf.booleanToTerraform(struct!.enabled),
  }
}


export function serviceVclProductEnablementBotManagementToHclTerraform(struct?: ServiceVclProductEnablementBotManagementOutputReference | ServiceVclProductEnablementBotManagement): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    contentguard: {
      value: cdktf.stringToHclTerraform(struct!.contentguard),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclProductEnablementBotManagementOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclProductEnablementBotManagement | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._contentguard !== undefined) {
      hasAnyValues = true;
      internalValueResult.contentguard = this._contentguard;
    }
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclProductEnablementBotManagement | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._contentguard = undefined;
      this._enabled = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._contentguard = value.contentguard;
      this._enabled = value.enabled;
    }
  }

  // contentguard - computed: false, optional: false, required: true
  private _contentguard?: string; 
  public get contentguard() {
    return this.getStringAttribute('contentguard');
  }
  public set contentguard(value: string) {
    this._contentguard = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentguardInput() {
    return this._contentguard;
  }

  // enabled - computed: false, optional: false, required: true
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }
}
export interface ServiceVclProductEnablementDdosProtection {
  /**
  * Docs at Terraform Registry: ServiceVcl#enabled (fastly provider docs/resources/service_vcl#enabled)
  */
  readonly enabled: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#mode (fastly provider docs/resources/service_vcl#mode)
  */
  readonly mode: string;
}

export function serviceVclProductEnablementDdosProtectionToTerraform(struct?: ServiceVclProductEnablementDdosProtectionOutputReference | ServiceVclProductEnablementDdosProtection): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    mode: cdktf.stringToTerraform(struct!.mode),
  }
}


export function serviceVclProductEnablementDdosProtectionToHclTerraform(struct?: ServiceVclProductEnablementDdosProtectionOutputReference | ServiceVclProductEnablementDdosProtection): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    mode: {
      value: cdktf.stringToHclTerraform(struct!.mode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclProductEnablementDdosProtectionOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclProductEnablementDdosProtection | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._mode !== undefined) {
      hasAnyValues = true;
      internalValueResult.mode = this._mode;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclProductEnablementDdosProtection | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._enabled = undefined;
      this._mode = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._enabled = value.enabled;
      this._mode = value.mode;
    }
  }

  // enabled - computed: false, optional: false, required: true
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // mode - computed: false, optional: false, required: true
  private _mode?: string; 
  public get mode() {
    return this.getStringAttribute('mode');
  }
  public set mode(value: string) {
    this._mode = value;
  }
  // Temporarily expose input value. Use with caution.
  public get modeInput() {
    return this._mode;
  }
}
export interface ServiceVclProductEnablementNgwaf {
  /**
  * Docs at Terraform Registry: ServiceVcl#enabled (fastly provider docs/resources/service_vcl#enabled)
  */
  readonly enabled: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#traffic_ramp (fastly provider docs/resources/service_vcl#traffic_ramp)
  */
  readonly trafficRamp?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#workspace_id (fastly provider docs/resources/service_vcl#workspace_id)
  */
  readonly workspaceId: string;
}

export function serviceVclProductEnablementNgwafToTerraform(struct?: ServiceVclProductEnablementNgwafOutputReference | ServiceVclProductEnablementNgwaf): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    traffic_ramp: cdktf.numberToTerraform(struct!.trafficRamp),
    workspace_id: cdktf.stringToTerraform(struct!.workspaceId),
  }
}


export function serviceVclProductEnablementNgwafToHclTerraform(struct?: ServiceVclProductEnablementNgwafOutputReference | ServiceVclProductEnablementNgwaf): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    traffic_ramp: {
      value: cdktf.numberToHclTerraform(struct!.trafficRamp),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    workspace_id: {
      value: cdktf.stringToHclTerraform(struct!.workspaceId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclProductEnablementNgwafOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclProductEnablementNgwaf | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._trafficRamp !== undefined) {
      hasAnyValues = true;
      internalValueResult.trafficRamp = this._trafficRamp;
    }
    if (this._workspaceId !== undefined) {
      hasAnyValues = true;
      internalValueResult.workspaceId = this._workspaceId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclProductEnablementNgwaf | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._enabled = undefined;
      this._trafficRamp = undefined;
      this._workspaceId = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._enabled = value.enabled;
      this._trafficRamp = value.trafficRamp;
      this._workspaceId = value.workspaceId;
    }
  }

  // enabled - computed: false, optional: false, required: true
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // traffic_ramp - computed: false, optional: true, required: false
  private _trafficRamp?: number; 
  public get trafficRamp() {
    return this.getNumberAttribute('traffic_ramp');
  }
  public set trafficRamp(value: number) {
    this._trafficRamp = value;
  }
  public resetTrafficRamp() {
    this._trafficRamp = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trafficRampInput() {
    return this._trafficRamp;
  }

  // workspace_id - computed: false, optional: false, required: true
  private _workspaceId?: string; 
  public get workspaceId() {
    return this.getStringAttribute('workspace_id');
  }
  public set workspaceId(value: string) {
    this._workspaceId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get workspaceIdInput() {
    return this._workspaceId;
  }
}
export interface ServiceVclProductEnablement {
  /**
  * Docs at Terraform Registry: ServiceVcl#api_discovery (fastly provider docs/resources/service_vcl#api_discovery)
  */
  readonly apiDiscovery?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#brotli_compression (fastly provider docs/resources/service_vcl#brotli_compression)
  */
  readonly brotliCompression?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#domain_inspector (fastly provider docs/resources/service_vcl#domain_inspector)
  */
  readonly domainInspector?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#image_optimizer (fastly provider docs/resources/service_vcl#image_optimizer)
  */
  readonly imageOptimizer?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#log_explorer_insights (fastly provider docs/resources/service_vcl#log_explorer_insights)
  */
  readonly logExplorerInsights?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#origin_inspector (fastly provider docs/resources/service_vcl#origin_inspector)
  */
  readonly originInspector?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#websockets (fastly provider docs/resources/service_vcl#websockets)
  */
  readonly websockets?: boolean | cdktf.IResolvable;
  /**
  * bot_management block
  *
  * Docs at Terraform Registry: ServiceVcl#bot_management (fastly provider docs/resources/service_vcl#bot_management)
  */
  readonly botManagement?: ServiceVclProductEnablementBotManagement;
  /**
  * ddos_protection block
  *
  * Docs at Terraform Registry: ServiceVcl#ddos_protection (fastly provider docs/resources/service_vcl#ddos_protection)
  */
  readonly ddosProtection?: ServiceVclProductEnablementDdosProtection;
  /**
  * ngwaf block
  *
  * Docs at Terraform Registry: ServiceVcl#ngwaf (fastly provider docs/resources/service_vcl#ngwaf)
  */
  readonly ngwaf?: ServiceVclProductEnablementNgwaf;
}

export function serviceVclProductEnablementToTerraform(struct?: ServiceVclProductEnablementOutputReference | ServiceVclProductEnablement): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    api_discovery: cdktf.booleanToTerraform(struct!.apiDiscovery),
    brotli_compression: cdktf.booleanToTerraform(struct!.brotliCompression),
    domain_inspector: cdktf.booleanToTerraform(struct!.domainInspector),
    image_optimizer: cdktf.booleanToTerraform(struct!.imageOptimizer),
    log_explorer_insights: cdktf.booleanToTerraform(struct!.logExplorerInsights),
    name: cdktf.stringToTerraform(struct!.name),
    origin_inspector: cdktf.booleanToTerraform(struct!.originInspector),
    websockets: cdktf.booleanToTerraform(struct!.websockets),
    bot_management: serviceVclProductEnablementBotManagementToTerraform(struct!.botManagement),
    ddos_protection: serviceVclProductEnablementDdosProtectionToTerraform(struct!.ddosProtection),
    ngwaf: serviceVclProductEnablementNgwafToTerraform(struct!.ngwaf),
  }
}


export function serviceVclProductEnablementToHclTerraform(struct?: ServiceVclProductEnablementOutputReference | ServiceVclProductEnablement): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    api_discovery: {
      value: cdktf.booleanToHclTerraform(struct!.apiDiscovery),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    brotli_compression: {
      value: cdktf.booleanToHclTerraform(struct!.brotliCompression),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    domain_inspector: {
      value: cdktf.booleanToHclTerraform(struct!.domainInspector),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    image_optimizer: {
      value: cdktf.booleanToHclTerraform(struct!.imageOptimizer),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    log_explorer_insights: {
      value: cdktf.booleanToHclTerraform(struct!.logExplorerInsights),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    origin_inspector: {
      value: cdktf.booleanToHclTerraform(struct!.originInspector),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    websockets: {
      value: cdktf.booleanToHclTerraform(struct!.websockets),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    bot_management: {
      value: serviceVclProductEnablementBotManagementToHclTerraform(struct!.botManagement),
      isBlock: true,
      type: "list",
      storageClassType: "ServiceVclProductEnablementBotManagementList",
    },
    ddos_protection: {
      value: serviceVclProductEnablementDdosProtectionToHclTerraform(struct!.ddosProtection),
      isBlock: true,
      type: "list",
      storageClassType: "ServiceVclProductEnablementDdosProtectionList",
    },
    ngwaf: {
      value: serviceVclProductEnablementNgwafToHclTerraform(struct!.ngwaf),
      isBlock: true,
      type: "list",
      storageClassType: "ServiceVclProductEnablementNgwafList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclProductEnablementOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclProductEnablement | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._apiDiscovery !== undefined) {
      hasAnyValues = true;
      internalValueResult.apiDiscovery = this._apiDiscovery;
    }
    if (this._brotliCompression !== undefined) {
      hasAnyValues = true;
      internalValueResult.brotliCompression = this._brotliCompression;
    }
    if (this._domainInspector !== undefined) {
      hasAnyValues = true;
      internalValueResult.domainInspector = this._domainInspector;
    }
    if (this._imageOptimizer !== undefined) {
      hasAnyValues = true;
      internalValueResult.imageOptimizer = this._imageOptimizer;
    }
    if (this._logExplorerInsights !== undefined) {
      hasAnyValues = true;
      internalValueResult.logExplorerInsights = this._logExplorerInsights;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._originInspector !== undefined) {
      hasAnyValues = true;
      internalValueResult.originInspector = this._originInspector;
    }
    if (this._websockets !== undefined) {
      hasAnyValues = true;
      internalValueResult.websockets = this._websockets;
    }
    if (this._botManagement?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.botManagement = this._botManagement?.internalValue;
    }
    if (this._ddosProtection?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.ddosProtection = this._ddosProtection?.internalValue;
    }
    if (this._ngwaf?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.ngwaf = this._ngwaf?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclProductEnablement | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._apiDiscovery = undefined;
      this._brotliCompression = undefined;
      this._domainInspector = undefined;
      this._imageOptimizer = undefined;
      this._logExplorerInsights = undefined;
      this._name = undefined;
      this._originInspector = undefined;
      this._websockets = undefined;
      this._botManagement.internalValue = undefined;
      this._ddosProtection.internalValue = undefined;
      this._ngwaf.internalValue = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._apiDiscovery = value.apiDiscovery;
      this._brotliCompression = value.brotliCompression;
      this._domainInspector = value.domainInspector;
      this._imageOptimizer = value.imageOptimizer;
      this._logExplorerInsights = value.logExplorerInsights;
      this._name = value.name;
      this._originInspector = value.originInspector;
      this._websockets = value.websockets;
      this._botManagement.internalValue = value.botManagement;
      this._ddosProtection.internalValue = value.ddosProtection;
      this._ngwaf.internalValue = value.ngwaf;
    }
  }

  // api_discovery - computed: false, optional: true, required: false
  private _apiDiscovery?: boolean | cdktf.IResolvable; 
  public get apiDiscovery() {
    return this.getBooleanAttribute('api_discovery');
  }
  public set apiDiscovery(value: boolean | cdktf.IResolvable) {
    this._apiDiscovery = value;
  }
  public resetApiDiscovery() {
    this._apiDiscovery = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiDiscoveryInput() {
    return this._apiDiscovery;
  }

  // brotli_compression - computed: false, optional: true, required: false
  private _brotliCompression?: boolean | cdktf.IResolvable; 
  public get brotliCompression() {
    return this.getBooleanAttribute('brotli_compression');
  }
  public set brotliCompression(value: boolean | cdktf.IResolvable) {
    this._brotliCompression = value;
  }
  public resetBrotliCompression() {
    this._brotliCompression = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get brotliCompressionInput() {
    return this._brotliCompression;
  }

  // domain_inspector - computed: false, optional: true, required: false
  private _domainInspector?: boolean | cdktf.IResolvable; 
  public get domainInspector() {
    return this.getBooleanAttribute('domain_inspector');
  }
  public set domainInspector(value: boolean | cdktf.IResolvable) {
    this._domainInspector = value;
  }
  public resetDomainInspector() {
    this._domainInspector = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainInspectorInput() {
    return this._domainInspector;
  }

  // image_optimizer - computed: false, optional: true, required: false
  private _imageOptimizer?: boolean | cdktf.IResolvable; 
  public get imageOptimizer() {
    return this.getBooleanAttribute('image_optimizer');
  }
  public set imageOptimizer(value: boolean | cdktf.IResolvable) {
    this._imageOptimizer = value;
  }
  public resetImageOptimizer() {
    this._imageOptimizer = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageOptimizerInput() {
    return this._imageOptimizer;
  }

  // log_explorer_insights - computed: false, optional: true, required: false
  private _logExplorerInsights?: boolean | cdktf.IResolvable; 
  public get logExplorerInsights() {
    return this.getBooleanAttribute('log_explorer_insights');
  }
  public set logExplorerInsights(value: boolean | cdktf.IResolvable) {
    this._logExplorerInsights = value;
  }
  public resetLogExplorerInsights() {
    this._logExplorerInsights = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logExplorerInsightsInput() {
    return this._logExplorerInsights;
  }

  // name - computed: false, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // origin_inspector - computed: false, optional: true, required: false
  private _originInspector?: boolean | cdktf.IResolvable; 
  public get originInspector() {
    return this.getBooleanAttribute('origin_inspector');
  }
  public set originInspector(value: boolean | cdktf.IResolvable) {
    this._originInspector = value;
  }
  public resetOriginInspector() {
    this._originInspector = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get originInspectorInput() {
    return this._originInspector;
  }

  // websockets - computed: false, optional: true, required: false
  private _websockets?: boolean | cdktf.IResolvable; 
  public get websockets() {
    return this.getBooleanAttribute('websockets');
  }
  public set websockets(value: boolean | cdktf.IResolvable) {
    this._websockets = value;
  }
  public resetWebsockets() {
    this._websockets = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get websocketsInput() {
    return this._websockets;
  }

  // bot_management - computed: false, optional: true, required: false
  private _botManagement = new ServiceVclProductEnablementBotManagementOutputReference(this, "bot_management");
  public get botManagement() {
    return this._botManagement;
  }
  public putBotManagement(value: ServiceVclProductEnablementBotManagement) {
    this._botManagement.internalValue = value;
  }
  public resetBotManagement() {
    this._botManagement.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get botManagementInput() {
    return this._botManagement.internalValue;
  }

  // ddos_protection - computed: false, optional: true, required: false
  private _ddosProtection = new ServiceVclProductEnablementDdosProtectionOutputReference(this, "ddos_protection");
  public get ddosProtection() {
    return this._ddosProtection;
  }
  public putDdosProtection(value: ServiceVclProductEnablementDdosProtection) {
    this._ddosProtection.internalValue = value;
  }
  public resetDdosProtection() {
    this._ddosProtection.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ddosProtectionInput() {
    return this._ddosProtection.internalValue;
  }

  // ngwaf - computed: false, optional: true, required: false
  private _ngwaf = new ServiceVclProductEnablementNgwafOutputReference(this, "ngwaf");
  public get ngwaf() {
    return this._ngwaf;
  }
  public putNgwaf(value: ServiceVclProductEnablementNgwaf) {
    this._ngwaf.internalValue = value;
  }
  public resetNgwaf() {
    this._ngwaf.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ngwafInput() {
    return this._ngwaf.internalValue;
  }
}
export interface ServiceVclRateLimiterResponse {
  /**
  * Docs at Terraform Registry: ServiceVcl#content (fastly provider docs/resources/service_vcl#content)
  */
  readonly content: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#content_type (fastly provider docs/resources/service_vcl#content_type)
  */
  readonly contentType: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#status (fastly provider docs/resources/service_vcl#status)
  */
  readonly status: number;
}

export function serviceVclRateLimiterResponseToTerraform(struct?: ServiceVclRateLimiterResponseOutputReference | ServiceVclRateLimiterResponse): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    content: cdktf.stringToTerraform(struct!.content),
    content_type: cdktf.stringToTerraform(struct!.contentType),
    status: cdktf.numberToTerraform(struct!.status),
  }
}


export function serviceVclRateLimiterResponseToHclTerraform(struct?: ServiceVclRateLimiterResponseOutputReference | ServiceVclRateLimiterResponse): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    content_type: {
      value: cdktf.stringToHclTerraform(struct!.contentType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    status: {
      value: cdktf.numberToHclTerraform(struct!.status),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclRateLimiterResponseOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ServiceVclRateLimiterResponse | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._contentType !== undefined) {
      hasAnyValues = true;
      internalValueResult.contentType = this._contentType;
    }
    if (this._status !== undefined) {
      hasAnyValues = true;
      internalValueResult.status = this._status;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclRateLimiterResponse | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._content = undefined;
      this._contentType = undefined;
      this._status = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._content = value.content;
      this._contentType = value.contentType;
      this._status = value.status;
    }
  }

  // content - computed: false, optional: false, required: true
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // content_type - computed: false, optional: false, required: true
  private _contentType?: string; 
  public get contentType() {
    return this.getStringAttribute('content_type');
  }
  public set contentType(value: string) {
    this._contentType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentTypeInput() {
    return this._contentType;
  }

  // status - computed: false, optional: false, required: true
  private _status?: number; 
  public get status() {
    return this.getNumberAttribute('status');
  }
  public set status(value: number) {
    this._status = value;
  }
  // Temporarily expose input value. Use with caution.
  public get statusInput() {
    return this._status;
  }
}
export interface ServiceVclRateLimiter {
  /**
  * Docs at Terraform Registry: ServiceVcl#action (fastly provider docs/resources/service_vcl#action)
  */
  readonly action: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#client_key (fastly provider docs/resources/service_vcl#client_key)
  */
  readonly clientKey: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#feature_revision (fastly provider docs/resources/service_vcl#feature_revision)
  */
  readonly featureRevision?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#http_methods (fastly provider docs/resources/service_vcl#http_methods)
  */
  readonly httpMethods: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#logger_type (fastly provider docs/resources/service_vcl#logger_type)
  */
  readonly loggerType?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#penalty_box_duration (fastly provider docs/resources/service_vcl#penalty_box_duration)
  */
  readonly penaltyBoxDuration: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#response_object_name (fastly provider docs/resources/service_vcl#response_object_name)
  */
  readonly responseObjectName?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#rps_limit (fastly provider docs/resources/service_vcl#rps_limit)
  */
  readonly rpsLimit: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#uri_dictionary_name (fastly provider docs/resources/service_vcl#uri_dictionary_name)
  */
  readonly uriDictionaryName?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#window_size (fastly provider docs/resources/service_vcl#window_size)
  */
  readonly windowSize: number;
  /**
  * response block
  *
  * Docs at Terraform Registry: ServiceVcl#response (fastly provider docs/resources/service_vcl#response)
  */
  readonly response?: ServiceVclRateLimiterResponse;
}

export function serviceVclRateLimiterToTerraform(struct?: ServiceVclRateLimiter | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    action: cdktf.stringToTerraform(struct!.action),
    client_key: cdktf.stringToTerraform(struct!.clientKey),
    feature_revision: cdktf.numberToTerraform(struct!.featureRevision),
    http_methods: cdktf.stringToTerraform(struct!.httpMethods),
    logger_type: cdktf.stringToTerraform(struct!.loggerType),
    name: cdktf.stringToTerraform(struct!.name),
    penalty_box_duration: cdktf.numberToTerraform(struct!.penaltyBoxDuration),
    response_object_name: cdktf.stringToTerraform(struct!.responseObjectName),
    rps_limit: cdktf.numberToTerraform(struct!.rpsLimit),
    uri_dictionary_name: cdktf.stringToTerraform(struct!.uriDictionaryName),
    window_size: cdktf.numberToTerraform(struct!.windowSize),
    response: serviceVclRateLimiterResponseToTerraform(struct!.response),
  }
}


export function serviceVclRateLimiterToHclTerraform(struct?: ServiceVclRateLimiter | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    action: {
      value: cdktf.stringToHclTerraform(struct!.action),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_key: {
      value: cdktf.stringToHclTerraform(struct!.clientKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    feature_revision: {
      value: cdktf.numberToHclTerraform(struct!.featureRevision),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    http_methods: {
      value: cdktf.stringToHclTerraform(struct!.httpMethods),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    logger_type: {
      value: cdktf.stringToHclTerraform(struct!.loggerType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    penalty_box_duration: {
      value: cdktf.numberToHclTerraform(struct!.penaltyBoxDuration),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    response_object_name: {
      value: cdktf.stringToHclTerraform(struct!.responseObjectName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    rps_limit: {
      value: cdktf.numberToHclTerraform(struct!.rpsLimit),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    uri_dictionary_name: {
      value: cdktf.stringToHclTerraform(struct!.uriDictionaryName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    window_size: {
      value: cdktf.numberToHclTerraform(struct!.windowSize),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    response: {
      value: serviceVclRateLimiterResponseToHclTerraform(struct!.response),
      isBlock: true,
      type: "list",
      storageClassType: "ServiceVclRateLimiterResponseList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclRateLimiterOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclRateLimiter | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._action !== undefined) {
      hasAnyValues = true;
      internalValueResult.action = this._action;
    }
    if (this._clientKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientKey = this._clientKey;
    }
    if (this._featureRevision !== undefined) {
      hasAnyValues = true;
      internalValueResult.featureRevision = this._featureRevision;
    }
    if (this._httpMethods !== undefined) {
      hasAnyValues = true;
      internalValueResult.httpMethods = this._httpMethods;
    }
    if (this._loggerType !== undefined) {
      hasAnyValues = true;
      internalValueResult.loggerType = this._loggerType;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._penaltyBoxDuration !== undefined) {
      hasAnyValues = true;
      internalValueResult.penaltyBoxDuration = this._penaltyBoxDuration;
    }
    if (this._responseObjectName !== undefined) {
      hasAnyValues = true;
      internalValueResult.responseObjectName = this._responseObjectName;
    }
    if (this._rpsLimit !== undefined) {
      hasAnyValues = true;
      internalValueResult.rpsLimit = this._rpsLimit;
    }
    if (this._uriDictionaryName !== undefined) {
      hasAnyValues = true;
      internalValueResult.uriDictionaryName = this._uriDictionaryName;
    }
    if (this._windowSize !== undefined) {
      hasAnyValues = true;
      internalValueResult.windowSize = this._windowSize;
    }
    if (this._response?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.response = this._response?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclRateLimiter | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._action = undefined;
      this._clientKey = undefined;
      this._featureRevision = undefined;
      this._httpMethods = undefined;
      this._loggerType = undefined;
      this._name = undefined;
      this._penaltyBoxDuration = undefined;
      this._responseObjectName = undefined;
      this._rpsLimit = undefined;
      this._uriDictionaryName = undefined;
      this._windowSize = undefined;
      this._response.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._action = value.action;
      this._clientKey = value.clientKey;
      this._featureRevision = value.featureRevision;
      this._httpMethods = value.httpMethods;
      this._loggerType = value.loggerType;
      this._name = value.name;
      this._penaltyBoxDuration = value.penaltyBoxDuration;
      this._responseObjectName = value.responseObjectName;
      this._rpsLimit = value.rpsLimit;
      this._uriDictionaryName = value.uriDictionaryName;
      this._windowSize = value.windowSize;
      this._response.internalValue = value.response;
    }
  }

  // action - computed: false, optional: false, required: true
  private _action?: string; 
  public get action() {
    return this.getStringAttribute('action');
  }
  public set action(value: string) {
    this._action = value;
  }
  // Temporarily expose input value. Use with caution.
  public get actionInput() {
    return this._action;
  }

  // client_key - computed: false, optional: false, required: true
  private _clientKey?: string; 
  public get clientKey() {
    return this.getStringAttribute('client_key');
  }
  public set clientKey(value: string) {
    this._clientKey = value;
  }
  // Temporarily expose input value. Use with caution.
  public get clientKeyInput() {
    return this._clientKey;
  }

  // feature_revision - computed: false, optional: true, required: false
  private _featureRevision?: number; 
  public get featureRevision() {
    return this.getNumberAttribute('feature_revision');
  }
  public set featureRevision(value: number) {
    this._featureRevision = value;
  }
  public resetFeatureRevision() {
    this._featureRevision = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get featureRevisionInput() {
    return this._featureRevision;
  }

  // http_methods - computed: false, optional: false, required: true
  private _httpMethods?: string; 
  public get httpMethods() {
    return this.getStringAttribute('http_methods');
  }
  public set httpMethods(value: string) {
    this._httpMethods = value;
  }
  // Temporarily expose input value. Use with caution.
  public get httpMethodsInput() {
    return this._httpMethods;
  }

  // logger_type - computed: false, optional: true, required: false
  private _loggerType?: string; 
  public get loggerType() {
    return this.getStringAttribute('logger_type');
  }
  public set loggerType(value: string) {
    this._loggerType = value;
  }
  public resetLoggerType() {
    this._loggerType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get loggerTypeInput() {
    return this._loggerType;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // penalty_box_duration - computed: false, optional: false, required: true
  private _penaltyBoxDuration?: number; 
  public get penaltyBoxDuration() {
    return this.getNumberAttribute('penalty_box_duration');
  }
  public set penaltyBoxDuration(value: number) {
    this._penaltyBoxDuration = value;
  }
  // Temporarily expose input value. Use with caution.
  public get penaltyBoxDurationInput() {
    return this._penaltyBoxDuration;
  }

  // ratelimiter_id - computed: true, optional: false, required: false
  public get ratelimiterId() {
    return this.getStringAttribute('ratelimiter_id');
  }

  // response_object_name - computed: false, optional: true, required: false
  private _responseObjectName?: string; 
  public get responseObjectName() {
    return this.getStringAttribute('response_object_name');
  }
  public set responseObjectName(value: string) {
    this._responseObjectName = value;
  }
  public resetResponseObjectName() {
    this._responseObjectName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get responseObjectNameInput() {
    return this._responseObjectName;
  }

  // rps_limit - computed: false, optional: false, required: true
  private _rpsLimit?: number; 
  public get rpsLimit() {
    return this.getNumberAttribute('rps_limit');
  }
  public set rpsLimit(value: number) {
    this._rpsLimit = value;
  }
  // Temporarily expose input value. Use with caution.
  public get rpsLimitInput() {
    return this._rpsLimit;
  }

  // uri_dictionary_name - computed: false, optional: true, required: false
  private _uriDictionaryName?: string; 
  public get uriDictionaryName() {
    return this.getStringAttribute('uri_dictionary_name');
  }
  public set uriDictionaryName(value: string) {
    this._uriDictionaryName = value;
  }
  public resetUriDictionaryName() {
    this._uriDictionaryName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get uriDictionaryNameInput() {
    return this._uriDictionaryName;
  }

  // window_size - computed: false, optional: false, required: true
  private _windowSize?: number; 
  public get windowSize() {
    return this.getNumberAttribute('window_size');
  }
  public set windowSize(value: number) {
    this._windowSize = value;
  }
  // Temporarily expose input value. Use with caution.
  public get windowSizeInput() {
    return this._windowSize;
  }

  // response - computed: false, optional: true, required: false
  private _response = new ServiceVclRateLimiterResponseOutputReference(this, "response");
  public get response() {
    return this._response;
  }
  public putResponse(value: ServiceVclRateLimiterResponse) {
    this._response.internalValue = value;
  }
  public resetResponse() {
    this._response.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get responseInput() {
    return this._response.internalValue;
  }
}

export class ServiceVclRateLimiterList extends cdktf.ComplexList {
  public internalValue? : ServiceVclRateLimiter[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclRateLimiterOutputReference {
    return new ServiceVclRateLimiterOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclRequestSetting {
  /**
  * Docs at Terraform Registry: ServiceVcl#action (fastly provider docs/resources/service_vcl#action)
  */
  readonly action?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#bypass_busy_wait (fastly provider docs/resources/service_vcl#bypass_busy_wait)
  */
  readonly bypassBusyWait?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#default_host (fastly provider docs/resources/service_vcl#default_host)
  */
  readonly defaultHost?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#force_miss (fastly provider docs/resources/service_vcl#force_miss)
  */
  readonly forceMiss?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#force_ssl (fastly provider docs/resources/service_vcl#force_ssl)
  */
  readonly forceSsl?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#hash_keys (fastly provider docs/resources/service_vcl#hash_keys)
  */
  readonly hashKeys?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#max_stale_age (fastly provider docs/resources/service_vcl#max_stale_age)
  */
  readonly maxStaleAge?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#request_condition (fastly provider docs/resources/service_vcl#request_condition)
  */
  readonly requestCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#timer_support (fastly provider docs/resources/service_vcl#timer_support)
  */
  readonly timerSupport?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#xff (fastly provider docs/resources/service_vcl#xff)
  */
  readonly xff?: string;
}

export function serviceVclRequestSettingToTerraform(struct?: ServiceVclRequestSetting | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    action: cdktf.stringToTerraform(struct!.action),
    bypass_busy_wait: cdktf.booleanToTerraform(struct!.bypassBusyWait),
    default_host: cdktf.stringToTerraform(struct!.defaultHost),
    force_miss: cdktf.booleanToTerraform(struct!.forceMiss),
    force_ssl: cdktf.booleanToTerraform(struct!.forceSsl),
    hash_keys: cdktf.stringToTerraform(struct!.hashKeys),
    max_stale_age: cdktf.numberToTerraform(struct!.maxStaleAge),
    name: cdktf.stringToTerraform(struct!.name),
    request_condition: cdktf.stringToTerraform(struct!.requestCondition),
    timer_support: cdktf.booleanToTerraform(struct!.timerSupport),
    xff: cdktf.stringToTerraform(struct!.xff),
  }
}


export function serviceVclRequestSettingToHclTerraform(struct?: ServiceVclRequestSetting | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    action: {
      value: cdktf.stringToHclTerraform(struct!.action),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bypass_busy_wait: {
      value: cdktf.booleanToHclTerraform(struct!.bypassBusyWait),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    default_host: {
      value: cdktf.stringToHclTerraform(struct!.defaultHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    force_miss: {
      value: cdktf.booleanToHclTerraform(struct!.forceMiss),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    force_ssl: {
      value: cdktf.booleanToHclTerraform(struct!.forceSsl),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    hash_keys: {
      value: cdktf.stringToHclTerraform(struct!.hashKeys),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    max_stale_age: {
      value: cdktf.numberToHclTerraform(struct!.maxStaleAge),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    request_condition: {
      value: cdktf.stringToHclTerraform(struct!.requestCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    timer_support: {
      value: cdktf.booleanToHclTerraform(struct!.timerSupport),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    xff: {
      value: cdktf.stringToHclTerraform(struct!.xff),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclRequestSettingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclRequestSetting | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._action !== undefined) {
      hasAnyValues = true;
      internalValueResult.action = this._action;
    }
    if (this._bypassBusyWait !== undefined) {
      hasAnyValues = true;
      internalValueResult.bypassBusyWait = this._bypassBusyWait;
    }
    if (this._defaultHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.defaultHost = this._defaultHost;
    }
    if (this._forceMiss !== undefined) {
      hasAnyValues = true;
      internalValueResult.forceMiss = this._forceMiss;
    }
    if (this._forceSsl !== undefined) {
      hasAnyValues = true;
      internalValueResult.forceSsl = this._forceSsl;
    }
    if (this._hashKeys !== undefined) {
      hasAnyValues = true;
      internalValueResult.hashKeys = this._hashKeys;
    }
    if (this._maxStaleAge !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxStaleAge = this._maxStaleAge;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._requestCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.requestCondition = this._requestCondition;
    }
    if (this._timerSupport !== undefined) {
      hasAnyValues = true;
      internalValueResult.timerSupport = this._timerSupport;
    }
    if (this._xff !== undefined) {
      hasAnyValues = true;
      internalValueResult.xff = this._xff;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclRequestSetting | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._action = undefined;
      this._bypassBusyWait = undefined;
      this._defaultHost = undefined;
      this._forceMiss = undefined;
      this._forceSsl = undefined;
      this._hashKeys = undefined;
      this._maxStaleAge = undefined;
      this._name = undefined;
      this._requestCondition = undefined;
      this._timerSupport = undefined;
      this._xff = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._action = value.action;
      this._bypassBusyWait = value.bypassBusyWait;
      this._defaultHost = value.defaultHost;
      this._forceMiss = value.forceMiss;
      this._forceSsl = value.forceSsl;
      this._hashKeys = value.hashKeys;
      this._maxStaleAge = value.maxStaleAge;
      this._name = value.name;
      this._requestCondition = value.requestCondition;
      this._timerSupport = value.timerSupport;
      this._xff = value.xff;
    }
  }

  // action - computed: false, optional: true, required: false
  private _action?: string; 
  public get action() {
    return this.getStringAttribute('action');
  }
  public set action(value: string) {
    this._action = value;
  }
  public resetAction() {
    this._action = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get actionInput() {
    return this._action;
  }

  // bypass_busy_wait - computed: false, optional: true, required: false
  private _bypassBusyWait?: boolean | cdktf.IResolvable; 
  public get bypassBusyWait() {
    return this.getBooleanAttribute('bypass_busy_wait');
  }
  public set bypassBusyWait(value: boolean | cdktf.IResolvable) {
    this._bypassBusyWait = value;
  }
  public resetBypassBusyWait() {
    this._bypassBusyWait = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bypassBusyWaitInput() {
    return this._bypassBusyWait;
  }

  // default_host - computed: false, optional: true, required: false
  private _defaultHost?: string; 
  public get defaultHost() {
    return this.getStringAttribute('default_host');
  }
  public set defaultHost(value: string) {
    this._defaultHost = value;
  }
  public resetDefaultHost() {
    this._defaultHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultHostInput() {
    return this._defaultHost;
  }

  // force_miss - computed: false, optional: true, required: false
  private _forceMiss?: boolean | cdktf.IResolvable; 
  public get forceMiss() {
    return this.getBooleanAttribute('force_miss');
  }
  public set forceMiss(value: boolean | cdktf.IResolvable) {
    this._forceMiss = value;
  }
  public resetForceMiss() {
    this._forceMiss = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceMissInput() {
    return this._forceMiss;
  }

  // force_ssl - computed: false, optional: true, required: false
  private _forceSsl?: boolean | cdktf.IResolvable; 
  public get forceSsl() {
    return this.getBooleanAttribute('force_ssl');
  }
  public set forceSsl(value: boolean | cdktf.IResolvable) {
    this._forceSsl = value;
  }
  public resetForceSsl() {
    this._forceSsl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceSslInput() {
    return this._forceSsl;
  }

  // hash_keys - computed: false, optional: true, required: false
  private _hashKeys?: string; 
  public get hashKeys() {
    return this.getStringAttribute('hash_keys');
  }
  public set hashKeys(value: string) {
    this._hashKeys = value;
  }
  public resetHashKeys() {
    this._hashKeys = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hashKeysInput() {
    return this._hashKeys;
  }

  // max_stale_age - computed: false, optional: true, required: false
  private _maxStaleAge?: number; 
  public get maxStaleAge() {
    return this.getNumberAttribute('max_stale_age');
  }
  public set maxStaleAge(value: number) {
    this._maxStaleAge = value;
  }
  public resetMaxStaleAge() {
    this._maxStaleAge = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxStaleAgeInput() {
    return this._maxStaleAge;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // request_condition - computed: false, optional: true, required: false
  private _requestCondition?: string; 
  public get requestCondition() {
    return this.getStringAttribute('request_condition');
  }
  public set requestCondition(value: string) {
    this._requestCondition = value;
  }
  public resetRequestCondition() {
    this._requestCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestConditionInput() {
    return this._requestCondition;
  }

  // timer_support - computed: false, optional: true, required: false
  private _timerSupport?: boolean | cdktf.IResolvable; 
  public get timerSupport() {
    return this.getBooleanAttribute('timer_support');
  }
  public set timerSupport(value: boolean | cdktf.IResolvable) {
    this._timerSupport = value;
  }
  public resetTimerSupport() {
    this._timerSupport = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timerSupportInput() {
    return this._timerSupport;
  }

  // xff - computed: false, optional: true, required: false
  private _xff?: string; 
  public get xff() {
    return this.getStringAttribute('xff');
  }
  public set xff(value: string) {
    this._xff = value;
  }
  public resetXff() {
    this._xff = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get xffInput() {
    return this._xff;
  }
}

export class ServiceVclRequestSettingList extends cdktf.ComplexList {
  public internalValue? : ServiceVclRequestSetting[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclRequestSettingOutputReference {
    return new ServiceVclRequestSettingOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclResponseObject {
  /**
  * Docs at Terraform Registry: ServiceVcl#cache_condition (fastly provider docs/resources/service_vcl#cache_condition)
  */
  readonly cacheCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#content (fastly provider docs/resources/service_vcl#content)
  */
  readonly content?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#content_type (fastly provider docs/resources/service_vcl#content_type)
  */
  readonly contentType?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#request_condition (fastly provider docs/resources/service_vcl#request_condition)
  */
  readonly requestCondition?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#response (fastly provider docs/resources/service_vcl#response)
  */
  readonly response?: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#status (fastly provider docs/resources/service_vcl#status)
  */
  readonly status?: number;
}

export function serviceVclResponseObjectToTerraform(struct?: ServiceVclResponseObject | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    cache_condition: cdktf.stringToTerraform(struct!.cacheCondition),
    content: cdktf.stringToTerraform(struct!.content),
    content_type: cdktf.stringToTerraform(struct!.contentType),
    name: cdktf.stringToTerraform(struct!.name),
    request_condition: cdktf.stringToTerraform(struct!.requestCondition),
    response: cdktf.stringToTerraform(struct!.response),
    status: cdktf.numberToTerraform(struct!.status),
  }
}


export function serviceVclResponseObjectToHclTerraform(struct?: ServiceVclResponseObject | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    cache_condition: {
      value: cdktf.stringToHclTerraform(struct!.cacheCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    content_type: {
      value: cdktf.stringToHclTerraform(struct!.contentType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    request_condition: {
      value: cdktf.stringToHclTerraform(struct!.requestCondition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    response: {
      value: cdktf.stringToHclTerraform(struct!.response),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    status: {
      value: cdktf.numberToHclTerraform(struct!.status),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclResponseObjectOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclResponseObject | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._cacheCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.cacheCondition = this._cacheCondition;
    }
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._contentType !== undefined) {
      hasAnyValues = true;
      internalValueResult.contentType = this._contentType;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._requestCondition !== undefined) {
      hasAnyValues = true;
      internalValueResult.requestCondition = this._requestCondition;
    }
    if (this._response !== undefined) {
      hasAnyValues = true;
      internalValueResult.response = this._response;
    }
    if (this._status !== undefined) {
      hasAnyValues = true;
      internalValueResult.status = this._status;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclResponseObject | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._cacheCondition = undefined;
      this._content = undefined;
      this._contentType = undefined;
      this._name = undefined;
      this._requestCondition = undefined;
      this._response = undefined;
      this._status = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._cacheCondition = value.cacheCondition;
      this._content = value.content;
      this._contentType = value.contentType;
      this._name = value.name;
      this._requestCondition = value.requestCondition;
      this._response = value.response;
      this._status = value.status;
    }
  }

  // cache_condition - computed: false, optional: true, required: false
  private _cacheCondition?: string; 
  public get cacheCondition() {
    return this.getStringAttribute('cache_condition');
  }
  public set cacheCondition(value: string) {
    this._cacheCondition = value;
  }
  public resetCacheCondition() {
    this._cacheCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheConditionInput() {
    return this._cacheCondition;
  }

  // content - computed: false, optional: true, required: false
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  public resetContent() {
    this._content = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // content_type - computed: false, optional: true, required: false
  private _contentType?: string; 
  public get contentType() {
    return this.getStringAttribute('content_type');
  }
  public set contentType(value: string) {
    this._contentType = value;
  }
  public resetContentType() {
    this._contentType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contentTypeInput() {
    return this._contentType;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // request_condition - computed: false, optional: true, required: false
  private _requestCondition?: string; 
  public get requestCondition() {
    return this.getStringAttribute('request_condition');
  }
  public set requestCondition(value: string) {
    this._requestCondition = value;
  }
  public resetRequestCondition() {
    this._requestCondition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestConditionInput() {
    return this._requestCondition;
  }

  // response - computed: false, optional: true, required: false
  private _response?: string; 
  public get response() {
    return this.getStringAttribute('response');
  }
  public set response(value: string) {
    this._response = value;
  }
  public resetResponse() {
    this._response = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get responseInput() {
    return this._response;
  }

  // status - computed: false, optional: true, required: false
  private _status?: number; 
  public get status() {
    return this.getNumberAttribute('status');
  }
  public set status(value: number) {
    this._status = value;
  }
  public resetStatus() {
    this._status = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get statusInput() {
    return this._status;
  }
}

export class ServiceVclResponseObjectList extends cdktf.ComplexList {
  public internalValue? : ServiceVclResponseObject[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclResponseObjectOutputReference {
    return new ServiceVclResponseObjectOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclSnippet {
  /**
  * Docs at Terraform Registry: ServiceVcl#content (fastly provider docs/resources/service_vcl#content)
  */
  readonly content: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#priority (fastly provider docs/resources/service_vcl#priority)
  */
  readonly priority?: number;
  /**
  * Docs at Terraform Registry: ServiceVcl#type (fastly provider docs/resources/service_vcl#type)
  */
  readonly type: string;
}

export function serviceVclSnippetToTerraform(struct?: ServiceVclSnippet | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    content: cdktf.stringToTerraform(struct!.content),
    name: cdktf.stringToTerraform(struct!.name),
    priority: cdktf.numberToTerraform(struct!.priority),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function serviceVclSnippetToHclTerraform(struct?: ServiceVclSnippet | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclSnippetOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclSnippet | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclSnippet | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._content = undefined;
      this._name = undefined;
      this._priority = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._content = value.content;
      this._name = value.name;
      this._priority = value.priority;
      this._type = value.type;
    }
  }

  // content - computed: false, optional: false, required: true
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // priority - computed: false, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ServiceVclSnippetList extends cdktf.ComplexList {
  public internalValue? : ServiceVclSnippet[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclSnippetOutputReference {
    return new ServiceVclSnippetOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ServiceVclVcl {
  /**
  * Docs at Terraform Registry: ServiceVcl#content (fastly provider docs/resources/service_vcl#content)
  */
  readonly content: string;
  /**
  * Docs at Terraform Registry: ServiceVcl#main (fastly provider docs/resources/service_vcl#main)
  */
  readonly main?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: ServiceVcl#name (fastly provider docs/resources/service_vcl#name)
  */
  readonly name: string;
}

export function serviceVclVclToTerraform(struct?: ServiceVclVcl | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    content: cdktf.stringToTerraform(struct!.content),
    main: cdktf.booleanToTerraform(struct!.main),
    name: cdktf.stringToTerraform(struct!.name),
  }
}


export function serviceVclVclToHclTerraform(struct?: ServiceVclVcl | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    main: {
      value: cdktf.booleanToHclTerraform(struct!.main),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceVclVclOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ServiceVclVcl | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._main !== undefined) {
      hasAnyValues = true;
      internalValueResult.main = this._main;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceVclVcl | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._content = undefined;
      this._main = undefined;
      this._name = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._content = value.content;
      this._main = value.main;
      this._name = value.name;
    }
  }

  // content - computed: false, optional: false, required: true
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // main - computed: false, optional: true, required: false
  private _main?: boolean | cdktf.IResolvable; 
  public get main() {
    return this.getBooleanAttribute('main');
  }
  public set main(value: boolean | cdktf.IResolvable) {
    this._main = value;
  }
  public resetMain() {
    this._main = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mainInput() {
    return this._main;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }
}

export class ServiceVclVclList extends cdktf.ComplexList {
  public internalValue? : ServiceVclVcl[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ServiceVclVclOutputReference {
    return new ServiceVclVclOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a fastly_service_vcl (fastly provider docs/resources/service_vcl)
*/
export class ServiceVcl extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "fastly_service_vcl";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ServiceVcl resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ServiceVcl to import
  * @param importFromId The id of the existing ServiceVcl that should be imported. Refer to the import section (fastly provider docs/resources/service_vcl#import) in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ServiceVcl to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "fastly_service_vcl", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new fastly_service_vcl (fastly provider docs/resources/service_vcl) Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ServiceVclConfig
  */
  public constructor(scope: Construct, id: string, config: ServiceVclConfig) {
    super(scope, id, {
      terraformResourceType: 'fastly_service_vcl',
      terraformGeneratorMetadata: {
        providerName: 'fastly',
        providerVersionConstraint: '>= 9.5.1, < 10.0.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._activate = config.activate;
    this._comment = config.comment;
    this._defaultHost = config.defaultHost;
    this._defaultTtl = config.defaultTtl;
    this._forceDestroy = config.forceDestroy;
    this._http3 = config.http3;
    this._id = config.id;
    this._name = config.name;
    this._reuse = config.reuse;
    this._stage = config.stage;
    this._staleIfError = config.staleIfError;
    this._staleIfErrorTtl = config.staleIfErrorTtl;
    this._versionComment = config.versionComment;
    this._acl.internalValue = config.acl;
    this._backend.internalValue = config.backend;
    this._cacheSetting.internalValue = config.cacheSetting;
    this._condition.internalValue = config.condition;
    this._dictionary.internalValue = config.dictionary;
    this._director.internalValue = config.director;
    this._domain.internalValue = config.domain;
    this._dynamicsnippet.internalValue = config.dynamicsnippet;
    this._gzip.internalValue = config.gzip;
    this._header.internalValue = config.header;
    this._healthcheck.internalValue = config.healthcheck;
    this._imageOptimizerDefaultSettings.internalValue = config.imageOptimizerDefaultSettings;
    this._productEnablement.internalValue = config.productEnablement;
    this._rateLimiter.internalValue = config.rateLimiter;
    this._requestSetting.internalValue = config.requestSetting;
    this._responseObject.internalValue = config.responseObject;
    this._snippet.internalValue = config.snippet;
    this._vcl.internalValue = config.vcl;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // activate - computed: false, optional: true, required: false
  private _activate?: boolean | cdktf.IResolvable; 
  public get activate() {
    return this.getBooleanAttribute('activate');
  }
  public set activate(value: boolean | cdktf.IResolvable) {
    this._activate = value;
  }
  public resetActivate() {
    this._activate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get activateInput() {
    return this._activate;
  }

  // active_version - computed: true, optional: false, required: false
  public get activeVersion() {
    return this.getNumberAttribute('active_version');
  }

  // cloned_version - computed: true, optional: false, required: false
  public get clonedVersion() {
    return this.getNumberAttribute('cloned_version');
  }

  // comment - computed: false, optional: true, required: false
  private _comment?: string; 
  public get comment() {
    return this.getStringAttribute('comment');
  }
  public set comment(value: string) {
    this._comment = value;
  }
  public resetComment() {
    this._comment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commentInput() {
    return this._comment;
  }

  // default_host - computed: false, optional: true, required: false
  private _defaultHost?: string; 
  public get defaultHost() {
    return this.getStringAttribute('default_host');
  }
  public set defaultHost(value: string) {
    this._defaultHost = value;
  }
  public resetDefaultHost() {
    this._defaultHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultHostInput() {
    return this._defaultHost;
  }

  // default_ttl - computed: false, optional: true, required: false
  private _defaultTtl?: number; 
  public get defaultTtl() {
    return this.getNumberAttribute('default_ttl');
  }
  public set defaultTtl(value: number) {
    this._defaultTtl = value;
  }
  public resetDefaultTtl() {
    this._defaultTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultTtlInput() {
    return this._defaultTtl;
  }

  // force_destroy - computed: false, optional: true, required: false
  private _forceDestroy?: boolean | cdktf.IResolvable; 
  public get forceDestroy() {
    return this.getBooleanAttribute('force_destroy');
  }
  public set forceDestroy(value: boolean | cdktf.IResolvable) {
    this._forceDestroy = value;
  }
  public resetForceDestroy() {
    this._forceDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forceDestroyInput() {
    return this._forceDestroy;
  }

  // force_refresh - computed: true, optional: false, required: false
  public get forceRefresh() {
    return this.getBooleanAttribute('force_refresh');
  }

  // http3 - computed: false, optional: true, required: false
  private _http3?: boolean | cdktf.IResolvable; 
  public get http3() {
    return this.getBooleanAttribute('http3');
  }
  public set http3(value: boolean | cdktf.IResolvable) {
    this._http3 = value;
  }
  public resetHttp3() {
    this._http3 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get http3Input() {
    return this._http3;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // imported - computed: true, optional: false, required: false
  public get imported() {
    return this.getBooleanAttribute('imported');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // reuse - computed: false, optional: true, required: false
  private _reuse?: boolean | cdktf.IResolvable; 
  public get reuse() {
    return this.getBooleanAttribute('reuse');
  }
  public set reuse(value: boolean | cdktf.IResolvable) {
    this._reuse = value;
  }
  public resetReuse() {
    this._reuse = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get reuseInput() {
    return this._reuse;
  }

  // stage - computed: false, optional: true, required: false
  private _stage?: boolean | cdktf.IResolvable; 
  public get stage() {
    return this.getBooleanAttribute('stage');
  }
  public set stage(value: boolean | cdktf.IResolvable) {
    this._stage = value;
  }
  public resetStage() {
    this._stage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stageInput() {
    return this._stage;
  }

  // staged_version - computed: true, optional: false, required: false
  public get stagedVersion() {
    return this.getNumberAttribute('staged_version');
  }

  // stale_if_error - computed: false, optional: true, required: false
  private _staleIfError?: boolean | cdktf.IResolvable; 
  public get staleIfError() {
    return this.getBooleanAttribute('stale_if_error');
  }
  public set staleIfError(value: boolean | cdktf.IResolvable) {
    this._staleIfError = value;
  }
  public resetStaleIfError() {
    this._staleIfError = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get staleIfErrorInput() {
    return this._staleIfError;
  }

  // stale_if_error_ttl - computed: false, optional: true, required: false
  private _staleIfErrorTtl?: number; 
  public get staleIfErrorTtl() {
    return this.getNumberAttribute('stale_if_error_ttl');
  }
  public set staleIfErrorTtl(value: number) {
    this._staleIfErrorTtl = value;
  }
  public resetStaleIfErrorTtl() {
    this._staleIfErrorTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get staleIfErrorTtlInput() {
    return this._staleIfErrorTtl;
  }

  // version_comment - computed: false, optional: true, required: false
  private _versionComment?: string; 
  public get versionComment() {
    return this.getStringAttribute('version_comment');
  }
  public set versionComment(value: string) {
    this._versionComment = value;
  }
  public resetVersionComment() {
    this._versionComment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionCommentInput() {
    return this._versionComment;
  }

  // acl - computed: false, optional: true, required: false
  private _acl = new ServiceVclAclList(this, "acl", true);
  public get acl() {
    return this._acl;
  }
  public putAcl(value: ServiceVclAcl[] | cdktf.IResolvable) {
    this._acl.internalValue = value;
  }
  public resetAcl() {
    this._acl.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aclInput() {
    return this._acl.internalValue;
  }

  // backend - computed: false, optional: true, required: false
  private _backend = new ServiceVclBackendList(this, "backend", true);
  public get backend() {
    return this._backend;
  }
  public putBackend(value: ServiceVclBackend[] | cdktf.IResolvable) {
    this._backend.internalValue = value;
  }
  public resetBackend() {
    this._backend.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get backendInput() {
    return this._backend.internalValue;
  }

  // cache_setting - computed: false, optional: true, required: false
  private _cacheSetting = new ServiceVclCacheSettingList(this, "cache_setting", true);
  public get cacheSetting() {
    return this._cacheSetting;
  }
  public putCacheSetting(value: ServiceVclCacheSetting[] | cdktf.IResolvable) {
    this._cacheSetting.internalValue = value;
  }
  public resetCacheSetting() {
    this._cacheSetting.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheSettingInput() {
    return this._cacheSetting.internalValue;
  }

  // condition - computed: false, optional: true, required: false
  private _condition = new ServiceVclConditionList(this, "condition", true);
  public get condition() {
    return this._condition;
  }
  public putCondition(value: ServiceVclCondition[] | cdktf.IResolvable) {
    this._condition.internalValue = value;
  }
  public resetCondition() {
    this._condition.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get conditionInput() {
    return this._condition.internalValue;
  }

  // dictionary - computed: false, optional: true, required: false
  private _dictionary = new ServiceVclDictionaryList(this, "dictionary", true);
  public get dictionary() {
    return this._dictionary;
  }
  public putDictionary(value: ServiceVclDictionary[] | cdktf.IResolvable) {
    this._dictionary.internalValue = value;
  }
  public resetDictionary() {
    this._dictionary.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dictionaryInput() {
    return this._dictionary.internalValue;
  }

  // director - computed: false, optional: true, required: false
  private _director = new ServiceVclDirectorList(this, "director", true);
  public get director() {
    return this._director;
  }
  public putDirector(value: ServiceVclDirector[] | cdktf.IResolvable) {
    this._director.internalValue = value;
  }
  public resetDirector() {
    this._director.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get directorInput() {
    return this._director.internalValue;
  }

  // domain - computed: false, optional: true, required: false
  private _domain = new ServiceVclDomainList(this, "domain", true);
  public get domain() {
    return this._domain;
  }
  public putDomain(value: ServiceVclDomain[] | cdktf.IResolvable) {
    this._domain.internalValue = value;
  }
  public resetDomain() {
    this._domain.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainInput() {
    return this._domain.internalValue;
  }

  // dynamicsnippet - computed: false, optional: true, required: false
  private _dynamicsnippet = new ServiceVclDynamicsnippetList(this, "dynamicsnippet", true);
  public get dynamicsnippet() {
    return this._dynamicsnippet;
  }
  public putDynamicsnippet(value: ServiceVclDynamicsnippet[] | cdktf.IResolvable) {
    this._dynamicsnippet.internalValue = value;
  }
  public resetDynamicsnippet() {
    this._dynamicsnippet.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dynamicsnippetInput() {
    return this._dynamicsnippet.internalValue;
  }

  // gzip - computed: false, optional: true, required: false
  private _gzip = new ServiceVclGzipList(this, "gzip", true);
  public get gzip() {
    return this._gzip;
  }
  public putGzip(value: ServiceVclGzip[] | cdktf.IResolvable) {
    this._gzip.internalValue = value;
  }
  public resetGzip() {
    this._gzip.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get gzipInput() {
    return this._gzip.internalValue;
  }

  // header - computed: false, optional: true, required: false
  private _header = new ServiceVclHeaderList(this, "header", true);
  public get header() {
    return this._header;
  }
  public putHeader(value: ServiceVclHeader[] | cdktf.IResolvable) {
    this._header.internalValue = value;
  }
  public resetHeader() {
    this._header.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get headerInput() {
    return this._header.internalValue;
  }

  // healthcheck - computed: false, optional: true, required: false
  private _healthcheck = new ServiceVclHealthcheckList(this, "healthcheck", true);
  public get healthcheck() {
    return this._healthcheck;
  }
  public putHealthcheck(value: ServiceVclHealthcheck[] | cdktf.IResolvable) {
    this._healthcheck.internalValue = value;
  }
  public resetHealthcheck() {
    this._healthcheck.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthcheckInput() {
    return this._healthcheck.internalValue;
  }

  // image_optimizer_default_settings - computed: false, optional: true, required: false
  private _imageOptimizerDefaultSettings = new ServiceVclImageOptimizerDefaultSettingsOutputReference(this, "image_optimizer_default_settings");
  public get imageOptimizerDefaultSettings() {
    return this._imageOptimizerDefaultSettings;
  }
  public putImageOptimizerDefaultSettings(value: ServiceVclImageOptimizerDefaultSettings) {
    this._imageOptimizerDefaultSettings.internalValue = value;
  }
  public resetImageOptimizerDefaultSettings() {
    this._imageOptimizerDefaultSettings.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageOptimizerDefaultSettingsInput() {
    return this._imageOptimizerDefaultSettings.internalValue;
  }

  // product_enablement - computed: false, optional: true, required: false
  private _productEnablement = new ServiceVclProductEnablementOutputReference(this, "product_enablement");
  public get productEnablement() {
    return this._productEnablement;
  }
  public putProductEnablement(value: ServiceVclProductEnablement) {
    this._productEnablement.internalValue = value;
  }
  public resetProductEnablement() {
    this._productEnablement.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get productEnablementInput() {
    return this._productEnablement.internalValue;
  }

  // rate_limiter - computed: false, optional: true, required: false
  private _rateLimiter = new ServiceVclRateLimiterList(this, "rate_limiter", true);
  public get rateLimiter() {
    return this._rateLimiter;
  }
  public putRateLimiter(value: ServiceVclRateLimiter[] | cdktf.IResolvable) {
    this._rateLimiter.internalValue = value;
  }
  public resetRateLimiter() {
    this._rateLimiter.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rateLimiterInput() {
    return this._rateLimiter.internalValue;
  }

  // request_setting - computed: false, optional: true, required: false
  private _requestSetting = new ServiceVclRequestSettingList(this, "request_setting", true);
  public get requestSetting() {
    return this._requestSetting;
  }
  public putRequestSetting(value: ServiceVclRequestSetting[] | cdktf.IResolvable) {
    this._requestSetting.internalValue = value;
  }
  public resetRequestSetting() {
    this._requestSetting.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestSettingInput() {
    return this._requestSetting.internalValue;
  }

  // response_object - computed: false, optional: true, required: false
  private _responseObject = new ServiceVclResponseObjectList(this, "response_object", true);
  public get responseObject() {
    return this._responseObject;
  }
  public putResponseObject(value: ServiceVclResponseObject[] | cdktf.IResolvable) {
    this._responseObject.internalValue = value;
  }
  public resetResponseObject() {
    this._responseObject.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get responseObjectInput() {
    return this._responseObject.internalValue;
  }

  // snippet - computed: false, optional: true, required: false
  private _snippet = new ServiceVclSnippetList(this, "snippet", true);
  public get snippet() {
    return this._snippet;
  }
  public putSnippet(value: ServiceVclSnippet[] | cdktf.IResolvable) {
    this._snippet.internalValue = value;
  }
  public resetSnippet() {
    this._snippet.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get snippetInput() {
    return this._snippet.internalValue;
  }

  // vcl - computed: false, optional: true, required: false
  private _vcl = new ServiceVclVclList(this, "vcl", true);
  public get vcl() {
    return this._vcl;
  }
  public putVcl(value: ServiceVclVcl[] | cdktf.IResolvable) {
    this._vcl.internalValue = value;
  }
  public resetVcl() {
    this._vcl.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vclInput() {
    return this._vcl.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      activate: cdktf.booleanToTerraform(this._activate),
      comment: cdktf.stringToTerraform(this._comment),
      default_host: cdktf.stringToTerraform(this._defaultHost),
      default_ttl: cdktf.numberToTerraform(this._defaultTtl),
      force_destroy: cdktf.booleanToTerraform(this._forceDestroy),
      http3: cdktf.booleanToTerraform(this._http3),
      id: cdktf.stringToTerraform(this._id),
      name: cdktf.stringToTerraform(this._name),
      reuse: cdktf.booleanToTerraform(this._reuse),
      stage: cdktf.booleanToTerraform(this._stage),
      stale_if_error: cdktf.booleanToTerraform(this._staleIfError),
      stale_if_error_ttl: cdktf.numberToTerraform(this._staleIfErrorTtl),
      version_comment: cdktf.stringToTerraform(this._versionComment),
      acl: cdktf.listMapper(serviceVclAclToTerraform, true)(this._acl.internalValue),
      backend: cdktf.listMapper(serviceVclBackendToTerraform, true)(this._backend.internalValue),
      cache_setting: cdktf.listMapper(serviceVclCacheSettingToTerraform, true)(this._cacheSetting.internalValue),
      condition: cdktf.listMapper(serviceVclConditionToTerraform, true)(this._condition.internalValue),
      dictionary: cdktf.listMapper(serviceVclDictionaryToTerraform, true)(this._dictionary.internalValue),
      director: cdktf.listMapper(serviceVclDirectorToTerraform, true)(this._director.internalValue),
      domain: cdktf.listMapper(serviceVclDomainToTerraform, true)(this._domain.internalValue),
      dynamicsnippet: cdktf.listMapper(serviceVclDynamicsnippetToTerraform, true)(this._dynamicsnippet.internalValue),
      gzip: cdktf.listMapper(serviceVclGzipToTerraform, true)(this._gzip.internalValue),
      header: cdktf.listMapper(serviceVclHeaderToTerraform, true)(this._header.internalValue),
      healthcheck: cdktf.listMapper(serviceVclHealthcheckToTerraform, true)(this._healthcheck.internalValue),
      image_optimizer_default_settings: serviceVclImageOptimizerDefaultSettingsToTerraform(this._imageOptimizerDefaultSettings.internalValue),
      product_enablement: serviceVclProductEnablementToTerraform(this._productEnablement.internalValue),
      rate_limiter: cdktf.listMapper(serviceVclRateLimiterToTerraform, true)(this._rateLimiter.internalValue),
      request_setting: cdktf.listMapper(serviceVclRequestSettingToTerraform, true)(this._requestSetting.internalValue),
      response_object: cdktf.listMapper(serviceVclResponseObjectToTerraform, true)(this._responseObject.internalValue),
      snippet: cdktf.listMapper(serviceVclSnippetToTerraform, true)(this._snippet.internalValue),
      vcl: cdktf.listMapper(serviceVclVclToTerraform, true)(this._vcl.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      activate: {
        value: cdktf.booleanToHclTerraform(this._activate),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      comment: {
        value: cdktf.stringToHclTerraform(this._comment),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      default_host: {
        value: cdktf.stringToHclTerraform(this._defaultHost),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      default_ttl: {
        value: cdktf.numberToHclTerraform(this._defaultTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      force_destroy: {
        value: cdktf.booleanToHclTerraform(this._forceDestroy),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      http3: {
        value: cdktf.booleanToHclTerraform(this._http3),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      reuse: {
        value: cdktf.booleanToHclTerraform(this._reuse),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      stage: {
        value: cdktf.booleanToHclTerraform(this._stage),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      stale_if_error: {
        value: cdktf.booleanToHclTerraform(this._staleIfError),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      stale_if_error_ttl: {
        value: cdktf.numberToHclTerraform(this._staleIfErrorTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      version_comment: {
        value: cdktf.stringToHclTerraform(this._versionComment),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      acl: {
        value: cdktf.listMapperHcl(serviceVclAclToHclTerraform, true)(this._acl.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclAclList",
      },
      backend: {
        value: cdktf.listMapperHcl(serviceVclBackendToHclTerraform, true)(this._backend.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclBackendList",
      },
      cache_setting: {
        value: cdktf.listMapperHcl(serviceVclCacheSettingToHclTerraform, true)(this._cacheSetting.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclCacheSettingList",
      },
      condition: {
        value: cdktf.listMapperHcl(serviceVclConditionToHclTerraform, true)(this._condition.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclConditionList",
      },
      dictionary: {
        value: cdktf.listMapperHcl(serviceVclDictionaryToHclTerraform, true)(this._dictionary.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclDictionaryList",
      },
      director: {
        value: cdktf.listMapperHcl(serviceVclDirectorToHclTerraform, true)(this._director.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclDirectorList",
      },
      domain: {
        value: cdktf.listMapperHcl(serviceVclDomainToHclTerraform, true)(this._domain.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclDomainList",
      },
      dynamicsnippet: {
        value: cdktf.listMapperHcl(serviceVclDynamicsnippetToHclTerraform, true)(this._dynamicsnippet.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclDynamicsnippetList",
      },
      gzip: {
        value: cdktf.listMapperHcl(serviceVclGzipToHclTerraform, true)(this._gzip.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclGzipList",
      },
      header: {
        value: cdktf.listMapperHcl(serviceVclHeaderToHclTerraform, true)(this._header.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclHeaderList",
      },
      healthcheck: {
        value: cdktf.listMapperHcl(serviceVclHealthcheckToHclTerraform, true)(this._healthcheck.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclHealthcheckList",
      },
      image_optimizer_default_settings: {
        value: serviceVclImageOptimizerDefaultSettingsToHclTerraform(this._imageOptimizerDefaultSettings.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclImageOptimizerDefaultSettingsList",
      },
      product_enablement: {
        value: serviceVclProductEnablementToHclTerraform(this._productEnablement.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclProductEnablementList",
      },
      rate_limiter: {
        value: cdktf.listMapperHcl(serviceVclRateLimiterToHclTerraform, true)(this._rateLimiter.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclRateLimiterList",
      },
      request_setting: {
        value: cdktf.listMapperHcl(serviceVclRequestSettingToHclTerraform, true)(this._requestSetting.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclRequestSettingList",
      },
      response_object: {
        value: cdktf.listMapperHcl(serviceVclResponseObjectToHclTerraform, true)(this._responseObject.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclResponseObjectList",
      },
      snippet: {
        value: cdktf.listMapperHcl(serviceVclSnippetToHclTerraform, true)(this._snippet.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclSnippetList",
      },
      vcl: {
        value: cdktf.listMapperHcl(serviceVclVclToHclTerraform, true)(this._vcl.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ServiceVclVclList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
