Feature: A router configured with an ISAKMP peer policy starts IKE in aggressive mode, as IOS 12.2(8)T does
  `crypto isakmp peer address A` with `set aggressive-mode password` makes R1 negotiate phase 1 with R2
  in aggressive mode (three messages, identities in the clear) instead of main mode, with the
  password as the pre-shared key. R1's `crypto isakmp key` for R2 ("s3cret") stays the main mode key:
  R2 only knows the password, so the tunnel comes up only because the password wins for aggressive mode.

  Background:
    Given the lab "examples/static-tunnel"
    When I configure "R1" with:
      """
      crypto isakmp peer address 192.168.12.2
       set aggressive-mode password am-s3cret
       set aggressive-mode client-endpoint ipv4-address 192.168.12.1
      """
    And I configure "R2" with:
      """
      crypto isakmp key am-s3cret address 192.168.12.1
      """

  Scenario: The first packet starts aggressive mode and is dropped, the rest travel in ESP
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.12.2    192.168.12.1    QM_IDLE              1    0
      """
    When I run "show crypto isakmp sa" on "R2"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.12.2    192.168.12.1    QM_IDLE              1    0
      """

  Scenario: The debug logs show aggressive mode on both ends, then quick mode and the SAs
    When I run "debug crypto isakmp" on "R1"
    And I run "debug crypto ipsec" on "R1"
    And I run "debug crypto isakmp" on "R2"
    And host "pc1" pings "pc2"
    Then the debug log of "R1" contains in order:
      """
      IPSEC(sa_request): ,
      ISAKMP (0:1): found peer pre-shared key matching 192.168.12.2
      ISAKMP (0:1): beginning Aggressive Mode exchange
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) AG_NO_STATE
      ISAKMP (0:1): received packet from 192.168.12.2 (I) AG_NO_STATE
      ISAKMP (0:1): Checking ISAKMP transform 1 against priority 10 policy
      ISAKMP (0:1): atts are acceptable. Next payload is 0
      ISAKMP (0:1): processing HASH payload. message ID = 0
      ISAKMP (0:1): SA has been authenticated with 192.168.12.2
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) AG_INIT_EXCH
      ISAKMP (0:1): beginning Quick Mode exchange, M-ID of
      ISAKMP (0:1): Checking IPsec proposal 1
      ISAKMP (0:1): Creating IPsec SAs
      inbound SA from 192.168.12.2 to 192.168.12.1 (proxy 10.2.2.0 to 10.1.1.0 )
      outbound SA from 192.168.12.1 to 192.168.12.2 (proxy 10.1.1.0 to 10.2.2.0 )
      IPSEC(create_sa): sa created,
      """
    And the debug log of "R1" does not contain "MM_NO_STATE"
    And the debug log of "R1" does not contain "Main Mode"
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:0): received packet from 192.168.12.1 (N) NEW SA
      ISAKMP (0:1): found peer pre-shared key matching 192.168.12.1
      ISAKMP (0:1): sending packet to 192.168.12.1 (R) AG_INIT_EXCH
      ISAKMP (0:1): received packet from 192.168.12.1 (R) AG_INIT_EXCH
      ISAKMP (0:1): SA has been authenticated with 192.168.12.1
      ISAKMP (0:1): Creating IPsec SAs
      """

  Scenario: The peer policy has its own configuration mode
    When I type on "R1":
      """
      configure terminal
      crypto isakmp peer address 192.168.12.2
      no set aggressive-mode client-endpoint
      set aggressive-mode client-endpoint fqdn r1.example.com
      exit
      end
      """
    Then the output is exactly:
      """
      R1#configure terminal
      Enter configuration commands, one per line.  End with CNTL/Z.
      R1(config)#crypto isakmp peer address 192.168.12.2
      R1(config-isakmp-peer)#no set aggressive-mode client-endpoint
      R1(config-isakmp-peer)#set aggressive-mode client-endpoint fqdn r1.example.com
      R1(config-isakmp-peer)#exit
      R1(config)#end
      *Mar  1 00:00:00.000: %SYS-5-CONFIG_I: Configured from console by console
      R1#
      """

  Scenario: show running-config writes the peer policy after the ISAKMP keys
    When I configure "R1" with:
      """
      crypto isakmp aggressive-mode disable
      """
    And I run "show running-config" on "R1"
    Then the output matches:
      """
      Building configuration...

      Current configuration : 1000 bytes
      !
      version 12.2
      service timestamps debug datetime msec
      service timestamps log datetime msec
      no service password-encryption
      !
      hostname R1
      !
      ip subnet-zero
      !
      crypto isakmp policy 10
       authentication pre-share
      crypto isakmp key s3cret address 192.168.12.2
      crypto isakmp aggressive-mode disable
      !
      crypto isakmp peer address 192.168.12.2
       set aggressive-mode password am-s3cret
       set aggressive-mode client-endpoint ipv4-address 192.168.12.1
      !
      !
      crypto ipsec transform-set ts esp-des esp-md5-hmac
      !
      crypto map vpn 10 ipsec-isakmp
       set peer 192.168.12.2
       set transform-set ts
       match address 110
      !
      interface FastEthernet0/0
       ip address 192.168.12.1 255.255.255.0
       duplex auto
       speed auto
       crypto map vpn
      !
      interface FastEthernet0/1
       ip address 10.1.1.1 255.255.255.0
       duplex auto
       speed auto
      !
      ip classless
      ip route 10.2.2.0 255.255.255.0 192.168.12.2
      no ip http server
      !
      access-list 110 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255
      !
      line con 0
      line aux 0
      line vty 0 4
      !
      end
      """

  Scenario: Without its peer policy R1 goes back to main mode and its crypto isakmp key
    When I configure "R1" with:
      """
      no crypto isakmp peer address 192.168.12.2
      """
    And I configure "R2" with:
      """
      crypto isakmp key s3cret address 192.168.12.1
      """
    And I run "debug crypto isakmp" on "R1"
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    And the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): beginning Main Mode exchange
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_NO_STATE
      """
    And the debug log of "R1" does not contain "Aggressive"
    When I run "show running-config" on "R1"
    Then the output does not contain "crypto isakmp peer"

  Scenario: With aggressive mode disabled on R2, R1's aggressive mode gets no answer
    When I configure "R2" with:
      """
      crypto isakmp aggressive-mode disable
      """
    And I run "debug crypto isakmp" on "R2"
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains "ISAKMP: Unable to initiate or respond to Aggressive Mode while disabled"
    When I run "show crypto isakmp sa" on "R2"
    Then the output does not contain "192.168.12.1"

  Scenario: With aggressive mode disabled on R1 itself, R1 starts main mode instead
    When I configure "R1" with:
      """
      crypto isakmp aggressive-mode disable
      """
    And I run "debug crypto isakmp" on "R1"
    And host "pc1" pings "pc2"
    Then the debug log of "R1" contains "beginning Main Mode exchange"
    And the debug log of "R1" does not contain "Aggressive Mode"
