Feature: Real 2600 configurations load as they are
  An engineer's 12.2 configuration carries QoS, AAA, SSH, TACACS+ and RADIUS, key chains,
  time-ranges, voice and a dozen service switches besides the IPsec it is tested for. The lab
  keeps every such line with its sub-mode, shows it back where IOS shows it, and lists it once
  per topic; the tunnels come up as they would on the routers. The three configurations are in
  scenarios/examples/real-configs: a branch with NAT, QoS, SSH and AAA, an edge router hardened
  the 12.2 way, and a hub with one static crypto map entry per site.
  (The indentation and places of the kept blocks are inferred, not confirmed: README.)

  Background:
    Given the lab "examples/real-configs"

  Scenario: The branch's tunnel to the hub comes up through its QoS, NAT and AAA configuration
    When host "pc-branch" pings "pc-hq" 10 times
    Then the ping success rate is 90 percent
    When I run "show crypto isakmp sa" on "Hub"
    Then the output contains "192.0.2.1 192.0.2.20 QM_IDLE"

  Scenario: The hardened edge router's tunnel comes up through its inbound access list
    When host "pc-edge" pings "pc-hq" 10 times
    Then the ping success rate is 90 percent
    When I run "show crypto isakmp sa" on "Edge"
    Then the output contains "192.0.2.1 192.0.2.30 QM_IDLE"

  Scenario: Each router lists what it was given that tedlab does not model, once per topic
    Then "Branch" was given what tedlab does not model:
      """
      local users (management)
      AAA (management)
      time zone (behaviour)
      CEF (management)
      DNS (management)
      DHCP server (management)
      SSH (management)
      QoS (behaviour)
      SNMP (management)
      banners (management)
      terminal lines (management)
      NTP (management)
      """
    And "Edge" was given what tedlab does not model:
      """
      services (management)
      local users (management)
      AAA (management)
      IP source routing (management)
      CEF (management)
      management settings (management)
      DNS (management)
      SSH (management)
      key chains (behaviour)
      syslog hosts (management)
      CDP (management)
      SNMP (management)
      time-ranges (behaviour)
      banners (management)
      terminal lines (management)
      NTP (management)
      """
    And "Hub" was given what tedlab does not model:
      """
      local users (management)
      AAA (management)
      CEF (management)
      DNS (management)
      SSH (management)
      ISDN (behaviour)
      QoS (behaviour)
      ISAKMP keepalives (behaviour)
      controllers (behaviour)
      DHCP server (management)
      OSPF (behaviour)
      SNMP (management)
      voice (behaviour)
      management settings (management)
      terminal lines (management)
      """

  Scenario: The hub shows its kept blocks back where IOS shows them
    When I run "show running-config | include -map|^crypto|^interface|^controller" on "Hub"
    Then the output is exactly:
      """
      class-map match-all VOICE-BEARER
      policy-map HQ-WAN
      crypto isakmp policy 10
      crypto isakmp policy 20
      crypto isakmp key branchkey address 192.0.2.20
      crypto isakmp key edgekey address 192.0.2.30
      crypto isakmp keepalive 30
      crypto ipsec transform-set TS-3DES esp-3des esp-sha-hmac
      crypto ipsec transform-set TS-DES esp-des esp-md5-hmac
      crypto dynamic-map DYN 10
      crypto map VPN 10 ipsec-isakmp
      crypto map VPN 20 ipsec-isakmp
      crypto map VPN 100 ipsec-isakmp dynamic DYN
      controller T1 1/0
      interface FastEthernet0/0
      interface FastEthernet0/1
      """
    When I run "show running-config | include ^(voice-port|dial-peer|line|alias|radius)" on "Hub"
    Then the output is exactly:
      """
      radius-server host 10.10.0.48 auth-port 1645 acct-port 1646
      radius-server key 7 0215055500070C294F
      alias exec sr show running-config
      voice-port 1/0:23
      dial-peer voice 100 pots
      dial-peer voice 200 voip
      line con 0
      line aux 0
      line vty 0 4
      """
    When I run "show running-config | begin policy-map" on "Hub"
    Then the output contains "  class VOICE-BEARER"
    And the output contains "   priority 256"
    When I run "show running-config interface FastEthernet0/0" on "Hub"
    Then the output contains " service-policy output HQ-WAN"

  Scenario: The kept blocks have IOS's sub-modes at the console, each topic noticed once
    # The branch has "no logging console": %SYS-5-CONFIG_I does not reach its console.
    When I type on "Branch":
      """
      conf t
      class-map match-any VIDEO
      match ip dscp af41
      policy-map WAN-EDGE
      class VIDEO
      bandwidth 256
      exit
      exit
      key chain RIP
      key 1
      key-string s3cret
      time-range NIGHT
      periodic daily 22:00 to 23:59
      ip ssh time-out 90
      no service dhcp
      end
      """
    Then the output is exactly:
      """
      Branch#conf t
      Enter configuration commands, one per line.  End with CNTL/Z.
      Branch(config)#class-map match-any VIDEO
      % tedlab: "class-map match-any VIDEO" is accepted but not modelled (class-maps and policy-maps are kept, not applied, in this lab)
      Branch(config-cmap)#match ip dscp af41
      Branch(config-cmap)#policy-map WAN-EDGE
      Branch(config-pmap)#class VIDEO
      Branch(config-pmap-c)#bandwidth 256
      Branch(config-pmap-c)#exit
      Branch(config-pmap)#exit
      Branch(config)#key chain RIP
      % tedlab: "key chain RIP" is accepted but not modelled (no routing protocol in this lab uses them)
      Branch(config-keychain)#key 1
      Branch(config-keychain-key)#key-string s3cret
      Branch(config-keychain-key)#time-range NIGHT
      % tedlab: "time-range NIGHT" is accepted but not modelled (time-ranges are kept, not applied, in this lab)
      Branch(config-time-range)#periodic daily 22:00 to 23:59
      Branch(config-time-range)#ip ssh time-out 90
      % tedlab: "ip ssh time-out 90" is accepted but not modelled (the lab has only its console, logged in already)
      Branch(config)#no service dhcp
      % tedlab: "no service dhcp" is accepted but not modelled (the lab's routers offer no such network service)
      Branch(config)#end
      Branch#
      """

  Scenario: A typo in a modelled command or a kept block still gets IOS's caret; no ip routing stays refused
    # The edge router logs only critical messages to its console.
    When I type on "Edge":
      """
      conf t
      crypto map VPN 10 ipsec-isakmpp
      class-map VOICE
      mtch ip dscp ef
      no ip routing
      end
      """
    Then the output is exactly:
      """
      Edge#conf t
      Enter configuration commands, one per line.  End with CNTL/Z.
      Edge(config)#crypto map VPN 10 ipsec-isakmpp
                                                 ^
      % Invalid input detected at '^' marker.

      Edge(config)#class-map VOICE
      % tedlab: "class-map match-all VOICE" is accepted but not modelled (class-maps and policy-maps are kept, not applied, in this lab)
      Edge(config-cmap)#mtch ip dscp ef
                         ^
      % Invalid input detected at '^' marker.

      Edge(config-cmap)#no ip routing
      % tedlab: "no ip routing" is not modelled, so tedlab refuses it (the lab's routers always route IP)
      Edge(config)#end
      Edge#
      """
